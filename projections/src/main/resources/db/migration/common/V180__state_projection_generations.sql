-- The state projections (plan-view, enterprise-register, meetings, procurements) hold one set of rows per
-- generation, like the statistics facts (V170): a rebuild fills a new generation from the event store while the
-- active one keeps answering (see README: "Rebuilding projections"). A row's key, and every foreign key between
-- these tables, starts with the generation.
--
-- Each table is created anew with the generation as its first column and its rows copied in as generation 1: the
-- primary keys are referenced by foreign keys whose names H2 generates, so they cannot be altered in place by a
-- script both databases run. The new constraints are named, so a later migration can name them on either database.

-- ------------------------------------------------------------------------------------------------------- plan-view

create table plan_view_g (
    generation         integer      not null,
    plan_id            varchar(64)  not null,
    title              varchar(300) not null,
    municipality       varchar(200) not null,
    adopted_by         varchar(200) not null,
    adoption_reference varchar(100),
    adoption_paragraph varchar(50),
    adopted_on         date         not null,
    period_from        integer      not null,
    period_to          integer,
    last_revised_on    date,
    last_sequence      bigint       not null,
    constraint plan_view_generation_pk primary key (generation, plan_id)
);

create table plan_area_view_g (
    generation  integer       not null,
    plan_id     varchar(64)   not null,
    area_id     varchar(64)   not null,
    ordinal     integer       not null,
    name        varchar(200)  not null,
    description varchar(4000),
    constraint plan_area_view_generation_pk primary key (generation, plan_id, area_id),
    constraint plan_area_view_plan_fk foreign key (generation, plan_id)
        references plan_view_g (generation, plan_id) on delete cascade
);

create table plan_activity_view_g (
    generation       integer       not null,
    plan_id          varchar(64)   not null,
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
    constraint plan_activity_view_generation_pk primary key (generation, plan_id, activity_id),
    constraint plan_activity_view_plan_fk foreign key (generation, plan_id)
        references plan_view_g (generation, plan_id) on delete cascade
);

create table plan_goal_view_g (
    generation         integer        not null,
    plan_id            varchar(64)    not null,
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
    constraint plan_goal_view_generation_pk primary key (generation, plan_id, goal_id),
    constraint plan_goal_view_plan_fk foreign key (generation, plan_id)
        references plan_view_g (generation, plan_id) on delete cascade
);

create table plan_goal_target_view_g (
    generation         integer        not null,
    plan_id            varchar(64)    not null,
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
    constraint plan_goal_target_view_generation_pk primary key (generation, plan_id, goal_id, event_sequence),
    constraint plan_goal_target_view_plan_fk foreign key (generation, plan_id)
        references plan_view_g (generation, plan_id) on delete cascade
);

insert into plan_view_g select 1, v.* from plan_view v;
insert into plan_area_view_g select 1, v.* from plan_area_view v;
insert into plan_activity_view_g select 1, v.* from plan_activity_view v;
insert into plan_goal_view_g select 1, v.* from plan_goal_view v;
insert into plan_goal_target_view_g select 1, v.* from plan_goal_target_view v;

drop table plan_goal_target_view;
drop table plan_goal_view;
drop table plan_activity_view;
drop table plan_area_view;
drop table plan_view;

alter table plan_view_g rename to plan_view;
alter table plan_area_view_g rename to plan_area_view;
alter table plan_activity_view_g rename to plan_activity_view;
alter table plan_goal_view_g rename to plan_goal_view;
alter table plan_goal_target_view_g rename to plan_goal_target_view;

create index plan_activity_view_area_idx on plan_activity_view (generation, plan_id, area_id);

-- ---------------------------------------------------------------------------------------------- enterprise-register

create table enterprise_view_g (
    generation                    integer       not null,
    enterprise_id                 varchar(64)   not null,
    organisation_number           varchar(11),  -- null for a sole trader (enskild firma): never stored
    name                          varchar(200)  not null,
    legal_form                    varchar(30)   not null,
    lines_of_business             varchar(8000) not null,  -- JSON array
    municipality                  varchar(200)  not null,
    district                      varchar(200),
    integration_purpose           boolean       not null,
    employee_participation        boolean       not null,
    profits_reinvested            boolean       not null,
    independent_of_public_sector  boolean       not null,
    counts_as_asf                 boolean       not null,
    certifications                varchar(8000) not null,  -- JSON array
    registered_on                 date          not null,
    details_changed_on            date,
    closed_on                     date,
    closing_reason                varchar(2000),
    integrationspakten_invited_on date,         -- the latest invitation
    integrationspakten_level      varchar(64),  -- null when not a member
    integrationspakten_joined_on  date,
    integrationspakten_left_on    date,
    reference_group_invited_on    date,
    reference_group_joined_on     date,
    last_sequence                 bigint        not null,
    constraint enterprise_view_generation_pk primary key (generation, enterprise_id)
);

create table enterprise_fact_view_g (
    generation     integer       not null,
    enterprise_id  varchar(64)   not null,
    event_sequence bigint        not null,
    fact           varchar(60)   not null,
    occurred_on    date          not null,
    summary        varchar(4000) not null,
    plan_id        varchar(64),
    activity_id    varchar(64),
    constraint enterprise_fact_view_generation_pk primary key (generation, enterprise_id, event_sequence),
    constraint enterprise_fact_view_enterprise_fk foreign key (generation, enterprise_id)
        references enterprise_view_g (generation, enterprise_id) on delete cascade
);

insert into enterprise_view_g select 1, v.* from enterprise_view v;
insert into enterprise_fact_view_g select 1, v.* from enterprise_fact_view v;

drop table enterprise_fact_view;
drop table enterprise_view;

alter table enterprise_view_g rename to enterprise_view;
alter table enterprise_fact_view_g rename to enterprise_fact_view;

create index enterprise_view_district_idx on enterprise_view (generation, district);
create index enterprise_fact_view_activity_idx on enterprise_fact_view (generation, plan_id, activity_id);

-- ---------------------------------------------------------------------------------------------------------- meetings

create table meeting_view_g (
    generation        integer       not null,
    meeting_id        varchar(64)   not null,
    kind              varchar(30)   not null,
    title             varchar(300)  not null,
    organiser         varchar(300)  not null,
    occurred_on       date          not null,
    participants      varchar(40000) not null,  -- JSON array of enterprise ids
    plan_id           varchar(64),
    activity_id       varchar(64),
    corrected_on      date,
    correction_reason varchar(2000),
    last_sequence     bigint        not null,
    constraint meeting_view_generation_pk primary key (generation, meeting_id)
);

insert into meeting_view_g select 1, v.* from meeting_view v;
drop table meeting_view;
alter table meeting_view_g rename to meeting_view;

create index meeting_view_activity_idx on meeting_view (generation, plan_id, activity_id);

-- ------------------------------------------------------------------------------------------------------ procurements

create table procurement_view_g (
    generation                   integer        not null,
    procurement_id               varchar(64)    not null,
    authority                    varchar(200)   not null,
    subject                      varchar(300)   not null,
    cpv_codes                    varchar(4000)  not null,  -- comma-separated CPV codes, in the order given
    procedure_kind               varchar(40)    not null,
    legal_ground_id              varchar(63),
    legal_ground_citation        varchar(100),
    status                       varchar(20)    not null,
    begun_on                     date           not null,
    begun_year                   integer        not null,
    planned_on                   date,
    announced_on                 date,
    lots_decided_on              date,
    divided_into_lots            boolean,
    number_of_lots               integer,
    bids_may_cover               varchar(10),
    not_divided_reason           varchar(2000),
    awarded_on                   date,
    supplier_organisation_number varchar(11),
    supplier_sole_trader         boolean,
    supplier_is_asf              boolean,
    contract_value               numeric(15, 2),
    contract_from                date,
    contract_to                  date,
    disadvantaged_share          numeric(5, 2),
    share_tender_date            date,
    evidence_reference           varchar(200),
    purchase_kind                varchar(200),
    financial_year               integer,
    year_to_date_total           numeric(15, 2),
    direct_award_limit           numeric(15, 2),
    limit_exceeded               boolean,
    completed_on                 date,
    cancelled_on                 date,
    cancellation_reason          varchar(2000),
    last_sequence                bigint         not null,
    constraint procurement_view_generation_pk primary key (generation, procurement_id)
);

create table procurement_step_view_g (
    generation           integer     not null,
    procurement_id       varchar(64) not null,
    event_sequence       bigint      not null,
    step                 varchar(40) not null,
    occurred_on          date        not null,
    carries_out_plan     varchar(64),
    carries_out_activity varchar(64),
    constraint procurement_step_view_generation_pk primary key (generation, procurement_id, event_sequence),
    constraint procurement_step_view_procurement_fk foreign key (generation, procurement_id)
        references procurement_view_g (generation, procurement_id) on delete cascade
);

create table procurement_tender_view_g (
    generation                   integer     not null,
    procurement_id               varchar(64) not null,
    event_sequence               bigint      not null,
    supplier_organisation_number varchar(11),
    supplier_sole_trader         boolean     not null,
    supplier_is_asf              boolean     not null,
    received_on                  date        not null,
    constraint procurement_tender_view_generation_pk primary key (generation, procurement_id, event_sequence),
    constraint procurement_tender_view_procurement_fk foreign key (generation, procurement_id)
        references procurement_view_g (generation, procurement_id) on delete cascade
);

create table procurement_evaluation_view_g (
    generation     integer       not null,
    procurement_id varchar(64)   not null,
    event_sequence bigint        not null,
    evaluated_on   date          not null,
    evaluation     varchar(4000) not null,
    constraint procurement_evaluation_view_generation_pk primary key (generation, procurement_id, event_sequence),
    constraint procurement_evaluation_view_procurement_fk foreign key (generation, procurement_id)
        references procurement_view_g (generation, procurement_id) on delete cascade
);

insert into procurement_view_g select 1, v.* from procurement_view v;
insert into procurement_step_view_g select 1, v.* from procurement_step_view v;
insert into procurement_tender_view_g select 1, v.* from procurement_tender_view v;
insert into procurement_evaluation_view_g select 1, v.* from procurement_evaluation_view v;

drop table procurement_evaluation_view;
drop table procurement_tender_view;
drop table procurement_step_view;
drop table procurement_view;

alter table procurement_view_g rename to procurement_view;
alter table procurement_step_view_g rename to procurement_step_view;
alter table procurement_tender_view_g rename to procurement_tender_view;
alter table procurement_evaluation_view_g rename to procurement_evaluation_view;

create index procurement_view_filter_idx on procurement_view (generation, authority, procedure_kind, begun_year);
create index procurement_step_view_activity_idx
    on procurement_step_view (generation, carries_out_plan, carries_out_activity);

-- ------------------------------------------------------------------------------------------------- the generations

insert into projection_generation (processing_group, active_generation) values ('plan-view', 1);
insert into projection_generation (processing_group, active_generation) values ('enterprise-register', 1);
insert into projection_generation (processing_group, active_generation) values ('meetings', 1);
insert into projection_generation (processing_group, active_generation) values ('procurements', 1);
