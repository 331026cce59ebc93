-- Axon's JDBC dead-letter queue: events that made a projection handler fail, parked per processing group with the
-- later events of the same aggregate (sequence identifier) until they are retried. Columns as Axon's
-- GenericDeadLetterTableFactory, named in snake_case (see AxonStorageConfiguration.deadLetterSchema);
-- serialized data as BYTEA, timestamps as ISO-8601 UTC strings, as Axon writes them.
create table dead_letter_entry (
    dead_letter_id       varchar(255) not null,
    processing_group     varchar(255) not null,
    sequence_identifier  varchar(255) not null,
    sequence_index       bigint       not null,
    message_type         varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    aggregate_type       varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          varchar(255) not null,
    last_touched         varchar(255),
    processing_started   varchar(255),
    cause_type           varchar(255),
    cause_message        text,
    diagnostics          bytea,
    constraint dead_letter_entry_pk primary key (dead_letter_id),
    constraint dead_letter_entry_sequence_uk unique (processing_group, sequence_identifier, sequence_index)
);

create index dead_letter_entry_group_ix on dead_letter_entry (processing_group);
