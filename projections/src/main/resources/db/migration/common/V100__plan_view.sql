-- The plan catalogue read model: each plan's current structure and state, folded from its events by the
-- "plan-view" processing group. last_sequence is the plan aggregate's sequence number of the last event applied:
-- handlers apply an event only when it is newer, which makes redelivery harmless.

create table plan_view (
    plan_id            varchar(64)  primary key,
    title              varchar(300) not null,
    municipality       varchar(200) not null,
    adopted_by         varchar(200) not null,
    adoption_reference varchar(100),
    adoption_paragraph varchar(50),
    adopted_on         date         not null,
    period_from        integer      not null,
    period_to          integer,
    last_revised_on    date,
    last_sequence      bigint       not null
);

create table plan_area_view (
    plan_id     varchar(64)   not null references plan_view (plan_id) on delete cascade,
    area_id     varchar(64)   not null,
    ordinal     integer       not null,
    name        varchar(200)  not null,
    description varchar(4000),
    primary key (plan_id, area_id)
);

create table plan_activity_view (
    plan_id          varchar(64)   not null references plan_view (plan_id) on delete cascade,
    activity_id      varchar(64)   not null,
    area_id          varchar(64)   not null,
    ordinal          integer       not null,
    kind             varchar(30)   not null,
    title            varchar(300)  not null,
    description      varchar(4000),
    lead_party       varchar(200)  not null,
    involved_parties varchar(8000) not null,  -- JSON array of party names
    timeline_from    integer,
    timeline_to      integer,
    status           varchar(20)   not null,
    added_on         date          not null,
    started_on       date,
    closed_on        date,
    closing_note     varchar(4000),
    latest_note      varchar(4000),
    latest_note_on   date,
    primary key (plan_id, activity_id)
);

create index plan_activity_view_area_idx on plan_activity_view (plan_id, area_id);

create table plan_goal_view (
    plan_id            varchar(64)    not null references plan_view (plan_id) on delete cascade,
    goal_id            varchar(64)    not null,
    ordinal            integer        not null,
    goal_year          integer        not null,
    kind               varchar(20)    not null,
    indicator          varchar(300)   not null,
    comparator         varchar(20)    not null,
    target_value       numeric(16, 4) not null,
    unit               varchar(30)    not null,
    activity_id        varchar(64),
    set_on             date           not null,
    withdrawn_on       date,
    withdrawal_reason  varchar(2000),
    primary key (plan_id, goal_id)
);

-- Every target a goal has had, the first one included: a revision never erases the earlier target.
create table plan_goal_target_view (
    plan_id            varchar(64)    not null references plan_view (plan_id) on delete cascade,
    goal_id            varchar(64)    not null,
    event_sequence     bigint         not null,
    comparator         varchar(20)    not null,
    target_value       numeric(16, 4) not null,
    unit               varchar(30)    not null,
    decided_by         varchar(200)   not null,
    decision_reference varchar(100),
    decision_paragraph varchar(50),
    reason             varchar(2000),
    decided_on         date           not null,
    primary key (plan_id, goal_id, event_sequence)
);
