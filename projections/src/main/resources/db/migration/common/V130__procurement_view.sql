-- The procurement read model, folded from procurement events by the "procurements" processing group.
-- last_sequence is the procurement aggregate's sequence number of the last event applied: handlers apply an event
-- only when it is newer, which makes redelivery harmless. Sole traders appear without organisation number.

create table procurement_view (
    procurement_id               varchar(64)    primary key,
    authority                    varchar(200)   not null,
    subject                      varchar(300)   not null,
    cpv_codes                    varchar(4000)  not null,  -- comma-separated CPV codes, in the order given
    procedure_kind               varchar(40)    not null,
    legal_ground_id              varchar(63),
    legal_ground_citation        varchar(100),
    status                       varchar(20)    not null,
    begun_on                     date           not null,
    begun_year                   integer        not null,
    planned_on                   date,
    announced_on                 date,
    lots_decided_on              date,
    divided_into_lots            boolean,
    number_of_lots               integer,
    bids_may_cover               varchar(10),
    not_divided_reason           varchar(2000),
    awarded_on                   date,
    supplier_organisation_number varchar(11),
    supplier_sole_trader         boolean,
    supplier_is_asf              boolean,
    contract_value               numeric(15, 2),
    contract_from                date,
    contract_to                  date,
    disadvantaged_share          numeric(5, 2),
    share_tender_date            date,
    evidence_reference           varchar(200),
    purchase_kind                varchar(200),
    financial_year               integer,
    year_to_date_total           numeric(15, 2),
    direct_award_limit           numeric(15, 2),
    limit_exceeded               boolean,
    completed_on                 date,
    cancelled_on                 date,
    cancellation_reason          varchar(2000),
    last_sequence                bigint         not null
);

create index procurement_view_filter_idx on procurement_view (authority, procedure_kind, begun_year);

-- Every recorded step, in order, with the plan activity it carries out, if it names one.
create table procurement_step_view (
    procurement_id       varchar(64) not null references procurement_view (procurement_id) on delete cascade,
    event_sequence       bigint      not null,
    step                 varchar(40) not null,
    occurred_on          date        not null,
    carries_out_plan     varchar(64),
    carries_out_activity varchar(64),
    primary key (procurement_id, event_sequence)
);

create table procurement_tender_view (
    procurement_id               varchar(64) not null references procurement_view (procurement_id) on delete cascade,
    event_sequence               bigint      not null,
    supplier_organisation_number varchar(11),
    supplier_sole_trader         boolean     not null,
    supplier_is_asf              boolean     not null,
    received_on                  date        not null,
    primary key (procurement_id, event_sequence)
);

create table procurement_evaluation_view (
    procurement_id varchar(64)   not null references procurement_view (procurement_id) on delete cascade,
    event_sequence bigint        not null,
    evaluated_on   date          not null,
    evaluation     varchar(4000) not null,
    primary key (procurement_id, event_sequence)
);

create index procurement_step_view_activity_idx on procurement_step_view (carries_out_plan, carries_out_activity);
