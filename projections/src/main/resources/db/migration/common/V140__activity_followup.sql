-- The activity follow-up read model, written by the "activity-followup" processing group: one row per plan event
-- that concerns the plan's heading, an area or an activity, kept as a fact (never updated), with its business
-- date (occurred_on) and when and by whom it was recorded. Reports fold these facts at query time, so they can be
-- asked as recorded at a past moment or for a business-date range. event_id is the event's identifier: a fact is
-- inserted only when absent, which makes redelivery harmless.

create table activity_followup_fact (
    event_id         varchar(64)              primary key,
    global_index     bigint                   not null,
    plan_id          varchar(64)              not null,
    activity_id      varchar(64),             -- null for plan and area facts
    fact             varchar(30)              not null,  -- PLAN_ADOPTED, PLAN_REVISED, AREA_ADDED, ADDED, STARTED, ...
    occurred_on      date                     not null,
    recorded_at      timestamp with time zone not null,  -- the event's timestamp (UTC), to the microsecond
    recorded_by      varchar(200),
    area_id          varchar(64),
    area_name        varchar(200),
    kind             varchar(30),
    title            varchar(300),
    lead_party       varchar(200),
    involved_parties varchar(8000),           -- JSON array of party names
    timeline_from    integer,
    timeline_to      integer,
    note             varchar(4000),           -- progress note, completion note, or the reason given
    municipality     varchar(200),
    period_from      integer,
    period_to        integer
);

create index activity_followup_fact_plan_idx on activity_followup_fact (plan_id, global_index);
