-- The register of parties as read (processing group party-register): one row per party with its current details,
-- and every name each party has had (its names, abbreviations and other names recorded for it), keyed by the
-- compared form of the name (PartyNames.key). last_sequence makes redelivery harmless.
create table party_view (
    generation     integer      not null,
    party_id       varchar(64)  not null,
    name           varchar(200) not null,
    abbreviation   varchar(30),
    kind           varchar(30)  not null,
    municipality   varchar(200),
    registered_on  date         not null,
    changed_on     date,
    last_sequence  bigint       not null,
    constraint party_view_pk primary key (generation, party_id)
);

create table party_name_view (
    generation  integer      not null,
    party_id    varchar(64)  not null,
    name_key    varchar(600) not null,
    name        varchar(200) not null,
    since       date         not null,
    ordinal     bigint       not null,
    constraint party_name_view_pk primary key (generation, party_id, name_key),
    constraint party_name_view_party_fk foreign key (generation, party_id)
        references party_view (generation, party_id) on delete cascade
);

insert into projection_generation (processing_group, active_generation) values ('party-register', 1);
