-- Stored events that could not be read (their payload is not the JSON their type needs) or whose type no class of
-- this release knows. Written when an event is met (a command loading its record, an event processor), cleared when
-- the event reads again; health and metrics read it. See docs/operations.md, "Stored events that cannot be read".
create table stored_event_problem (
    event_identifier     varchar(255) not null,
    problem              varchar(32)  not null,
    global_index         bigint,
    aggregate_identifier varchar(255),
    aggregate_type       varchar(255),
    sequence_number      bigint,
    payload_type         varchar(255) not null,
    cause                varchar(2000),
    first_seen           varchar(64)  not null,
    constraint stored_event_problem_pk primary key (event_identifier)
);

create index stored_event_problem_problem_ix on stored_event_problem (problem);
