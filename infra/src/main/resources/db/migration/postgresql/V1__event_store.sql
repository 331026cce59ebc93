-- Axon's JDBC event store, token store and snapshot table on PostgreSQL.
-- Payloads and metadata are JSON bytes written by Jackson: BYTEA (oid/jsonb fail on insert, text would store hex).
-- Timestamps are ISO-8601 UTC strings, as Axon writes them.

create table domain_event_entry (
    global_index         bigserial    primary key,
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint domain_event_entry_event_identifier_uk unique (event_identifier),
    -- one event per aggregate and sequence number: this is the optimistic lock, and the index
    -- that reading an aggregate's stream uses
    constraint domain_event_entry_aggregate_sequence_uk unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint snapshot_event_entry_pk primary key (aggregate_identifier, sequence_number),
    constraint snapshot_event_entry_event_identifier_uk unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    constraint token_entry_pk primary key (processor_name, segment)
);
