-- Procurement's set-based facts, written in the same transaction as the award event that creates them, so a
-- refused or failed award leaves no row. Organisation numbers only: a sole trader is recorded without a number.

-- Contracts awarded by reserving a welfare-services procurement (LOU 19 kap. 6 a §, 25 §): an authority may not
-- award the same supplier another such contract within three years of an earlier one.
create table reserved_welfare_award (
    procurement_id      varchar(64)  primary key,
    authority           varchar(200) not null,
    organisation_number varchar(11)  not null,
    awarded_on          date         not null
);
create index reserved_welfare_award_authority_supplier_ix on reserved_welfare_award (authority, organisation_number);

-- Direct awards (LOU 19 a kap.): those of the same kind by the same authority add up per financial year.
create table direct_award_entry (
    procurement_id varchar(64)    primary key,
    authority      varchar(200)   not null,
    purchase_kind  varchar(200)   not null,
    financial_year integer        not null,
    award_value    numeric(15, 2) not null
);
create index direct_award_entry_kind_year_ix on direct_award_entry (authority, purchase_kind, financial_year);
