-- Plan fidelity (issue 10) in the plan-view read model: the plan's own texts (sections, in order), the areas' own
-- numbers, activities under way when the plan was adopted, and the plan's chain of decisions with their
-- corrections. Every new table starts its keys with the generation, like the others of plan-view (V180).

alter table plan_area_view add column area_number integer;

-- null for an activity started under the plan; SINCE or SINCE_BEFORE_PLAN for one under way at the adoption
alter table plan_activity_view add column under_way_at_adoption varchar(20);

create table plan_section_view (
    generation integer        not null,
    plan_id    varchar(64)    not null,
    ordinal    integer        not null,
    heading    varchar(200)   not null,
    body       varchar(20000) not null,
    constraint plan_section_view_pk primary key (generation, plan_id, ordinal),
    constraint plan_section_view_plan_fk foreign key (generation, plan_id)
        references plan_view (generation, plan_id) on delete cascade
);

-- Each decision as first recorded (never updated); the adoption is the decision 'adoption'.
create table plan_decision_view (
    generation         integer      not null,
    plan_id            varchar(64)  not null,
    decision_id        varchar(64)  not null,
    event_sequence     bigint       not null,
    kind               varchar(20)  not null,
    decided_by         varchar(200) not null,
    decision_reference varchar(100),
    decision_paragraph varchar(50),
    decided_on         date         not null,
    summary            varchar(2000),
    constraint plan_decision_view_pk primary key (generation, plan_id, decision_id),
    constraint plan_decision_view_plan_fk foreign key (generation, plan_id)
        references plan_view (generation, plan_id) on delete cascade
);

-- Every correction of a decision: how the decision reads from then on, and why.
create table plan_decision_correction_view (
    generation         integer       not null,
    plan_id            varchar(64)   not null,
    decision_id        varchar(64)   not null,
    event_sequence     bigint        not null,
    decided_by         varchar(200)  not null,
    decision_reference varchar(100),
    decision_paragraph varchar(50),
    decided_on         date          not null,
    reason             varchar(2000) not null,
    corrected_on       date          not null,
    constraint plan_decision_correction_view_pk primary key (generation, plan_id, event_sequence),
    constraint plan_decision_correction_view_decision_fk foreign key (generation, plan_id, decision_id)
        references plan_decision_view (generation, plan_id, decision_id) on delete cascade
);

-- The plans recorded before this migration: their adoption opens their chain (nothing could correct it yet).
insert into plan_decision_view (generation, plan_id, decision_id, event_sequence, kind, decided_by,
                                decision_reference, decision_paragraph, decided_on, summary)
select generation, plan_id, 'adoption', 0, 'ADOPTION', adopted_by, adoption_reference, adoption_paragraph,
       adopted_on, null
from plan_view;
