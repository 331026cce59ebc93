-- The fact table of the yearly goal report, written by the "goal-report" processing group. One row per relevant
-- event, keyed by the event's identifier (a redelivered event inserts nothing), with its position in the event store
-- (global_index), its business date (occurred_on), when and by whom it was recorded, and what the report folds at
-- query time: the goals of every plan (set, revised, withdrawn, outcome reported by hand), the completed activities,
-- and the enterprise and procurement events the goal measures count. No organisation numbers are kept.

create table goal_report_fact (
    event_id          varchar(255)             primary key,
    global_index      bigint                   not null,
    fact              varchar(40)              not null,  -- see GoalReportFact.FactType
    occurred_on       date                     not null,
    recorded_at       timestamp with time zone not null,
    recorded_by       varchar(200),
    plan_id           varchar(64),                        -- goal facts and ACTIVITY_COMPLETED
    goal_id           varchar(64),                        -- goal facts
    goal_year         integer,                            -- GOAL_SET and OUTCOME_REPORTED
    goal_kind         varchar(20),                        -- GOAL_SET
    measure           varchar(60),                        -- GOAL_SET, when the goal has a measure
    indicator         varchar(300),                       -- GOAL_SET
    activity_id       varchar(64),                        -- GOAL_SET (when linked) and ACTIVITY_COMPLETED
    target_comparator varchar(20),                        -- GOAL_SET and GOAL_REVISED
    target_value      numeric(16, 4),                     -- GOAL_SET and GOAL_REVISED
    target_unit       varchar(30),                        -- GOAL_SET and GOAL_REVISED
    outcome_value     numeric(16, 4),                     -- OUTCOME_REPORTED
    text              varchar(2000),                      -- OUTCOME_REPORTED: the source; GOAL_REVISED: the reason
    enterprise_id     varchar(64),                        -- enterprise facts
    counts_as_asf     boolean,                            -- ENTERPRISE_DETAILS
    ip_level          varchar(63)                         -- IP_MEMBERSHIP: the level since this fact
);

create index goal_report_fact_plan_idx on goal_report_fact (plan_id);
