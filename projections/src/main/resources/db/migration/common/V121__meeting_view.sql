-- The meetings read model, folded from meeting events by the "meetings" processing group. last_sequence makes
-- redelivery harmless, as in plan_view.

create table meeting_view (
    meeting_id        varchar(64)   primary key,
    kind              varchar(30)   not null,
    title             varchar(300)  not null,
    organiser         varchar(300)  not null,
    occurred_on       date          not null,
    participants      varchar(40000) not null,  -- JSON array of enterprise ids
    plan_id           varchar(64),
    activity_id       varchar(64),
    corrected_on      date,
    correction_reason varchar(2000),
    last_sequence     bigint        not null
);

create index meeting_view_activity_idx on meeting_view (plan_id, activity_id);
