-- The fact tables of the register and procurement statistics, written by the "statistics" processing group.
-- One row per relevant event, keyed by the event's identifier (a redelivered event inserts nothing), with its
-- position in the event store (global_index), its business date (occurred_on), when and by whom it was recorded,
-- and the data the statistics fold at query time. Keeping every fact, not only the current state, is what lets a
-- report be asked as recorded at a past moment and for a business-date range. No organisation numbers are kept.

create table statistics_enterprise_fact (
    event_id      varchar(255)             primary key,
    global_index  bigint                   not null,
    enterprise_id varchar(64)              not null,
    fact          varchar(30)              not null,  -- REGISTERED, DETAILS_CHANGED, CLOSED, INVITED_TO_IP, JOINED_IP, LEVEL_CHANGED, LEFT_IP
    occurred_on   date                     not null,
    recorded_at   timestamp with time zone not null,
    recorded_by   varchar(200),
    counts_as_asf boolean,                            -- REGISTERED and DETAILS_CHANGED
    municipality  varchar(200),                       -- REGISTERED and DETAILS_CHANGED
    district      varchar(200),                       -- REGISTERED and DETAILS_CHANGED, when given
    legal_form    varchar(30),                        -- REGISTERED and DETAILS_CHANGED
    ip_level      varchar(63)                         -- JOINED_IP and LEVEL_CHANGED: the level since this fact
);

create index statistics_enterprise_fact_enterprise_idx on statistics_enterprise_fact (enterprise_id);

create table statistics_procurement_fact (
    event_id              varchar(255)             primary key,
    global_index          bigint                   not null,
    procurement_id        varchar(64)              not null,
    fact                  varchar(30)              not null,  -- BEGUN, DIVIDED_INTO_LOTS, NOT_DIVIDED, CONTRACT_AWARDED, COMPLETED, CANCELLED
    occurred_on           date                     not null,
    recorded_at           timestamp with time zone not null,
    recorded_by           varchar(200),
    begun_as              varchar(20),                        -- BEGUN: PLANNED or ANNOUNCED
    authority             varchar(200),                       -- BEGUN
    procedure_kind        varchar(40),                        -- BEGUN
    legal_ground_id       varchar(63),                        -- BEGUN, reserved procurements
    legal_ground_citation varchar(100),                       -- BEGUN, reserved procurements
    number_of_lots        integer,                            -- DIVIDED_INTO_LOTS
    supplier_is_asf       boolean,                            -- CONTRACT_AWARDED
    contract_value        numeric(15, 2)                      -- CONTRACT_AWARDED, SEK
);

create index statistics_procurement_fact_procurement_idx on statistics_procurement_fact (procurement_id);
