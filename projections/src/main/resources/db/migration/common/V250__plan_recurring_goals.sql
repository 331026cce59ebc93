-- Recurring goals (PlanEvents.RecurringGoalSetEvent) in the plan view: a recurring goal is shown once, with its
-- years and its target rule; each year's goal stays a row of plan_goal_view and names the recurring goal it belongs
-- to (null for a goal set for its year alone, and for every goal recorded before recurring goals existed).
alter table plan_goal_view add column recurring_goal_id varchar(64);

create table plan_recurring_goal_view (
    generation           integer        not null,
    plan_id              varchar(64)    not null,
    goal_id              varchar(64)    not null,
    ordinal              bigint         not null,
    kind                 varchar(20)    not null,
    measure              varchar(60),
    indicator            varchar(300)   not null,
    comparator           varchar(20)    not null,
    target_value         numeric(16, 4) not null,
    unit                 varchar(30)    not null,
    activity_id          varchar(64),
    from_year            integer        not null,
    to_year              integer        not null,
    until_the_plan_ends  boolean        not null,
    decided_by           varchar(200)   not null,
    decision_reference   varchar(100),
    decision_paragraph   varchar(50),
    set_on               date           not null,
    constraint plan_recurring_goal_view_pk primary key (generation, plan_id, goal_id),
    constraint plan_recurring_goal_view_plan_fk foreign key (generation, plan_id)
        references plan_view (generation, plan_id) on delete cascade
);
