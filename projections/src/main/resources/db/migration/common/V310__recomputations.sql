-- Independent recomputations (docs/auditing.md, "Independent recomputation"): an auditor or a coordinator has every
-- read model rebuilt from the event store into a generation of its own (1000000 + recomputation_id), which never
-- answers a live read, and compared with the live generation. One row per recomputation: who started it and when,
-- and, once finished, its outcome (EQUAL, DIFFERENT, INCOMPLETE, INTERRUPTED) and its report as JSON. The rows of
-- the recomputed generation are deleted as soon as a read model has been compared; the report stays here. A run
-- whose heartbeat is older than a minute has stopped with its process: it is marked INTERRUPTED.
create table recomputation (
    recomputation_id bigint                   primary key,
    recomputed_generation integer             not null,  -- not "generation": no read model owns this table
    started_at       timestamp with time zone not null,
    started_by       varchar(200),
    heartbeat_at     timestamp with time zone not null,   -- renewed every few seconds while it runs
    finished_at      timestamp with time zone,
    outcome          varchar(20),
    result           varchar(1000000)
);
