-- The register's set-based facts, written in the same transaction as the events that change them: which
-- organisation numbers are taken (a second registration of one is refused), and whether each enterprise counts
-- as an ASF and since when it is closed (a contract award needs to know whether its supplier is an ASF).
-- Sole traders (enskild firma) are registered without an organisation number: it is the owner's personnummer.

create table enterprise_register (
    enterprise_id       varchar(64) primary key,
    organisation_number varchar(11),
    counts_as_asf       boolean     not null,
    closed_on           date,
    constraint enterprise_register_organisation_number_uk unique (organisation_number)
);
