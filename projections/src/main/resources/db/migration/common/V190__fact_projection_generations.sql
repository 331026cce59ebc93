-- The activity follow-up and yearly goal report fact tables hold one set of rows per generation, like the statistics
-- (V170): a rebuild fills a new generation while the active one keeps answering. V191 (per database: the two name a
-- primary key differently) makes an event's row unique within its generation.
alter table activity_followup_fact add column generation integer default 1 not null;
alter table goal_report_fact add column generation integer default 1 not null;

-- a query reads one generation of one plan
drop index activity_followup_fact_plan_idx;
create index activity_followup_fact_plan_idx on activity_followup_fact (generation, plan_id, global_index);
drop index goal_report_fact_plan_idx;
create index goal_report_fact_plan_idx on goal_report_fact (generation, plan_id);

insert into projection_generation (processing_group, active_generation) values ('activity-followup', 1);
insert into projection_generation (processing_group, active_generation) values ('goal-report', 1);
