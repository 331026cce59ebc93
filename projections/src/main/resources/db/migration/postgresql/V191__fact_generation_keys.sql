-- An event's activity follow-up and goal report fact is unique within its generation (V190), not across generations.
alter table activity_followup_fact drop constraint activity_followup_fact_pkey;
alter table activity_followup_fact add primary key (generation, event_id);
alter table goal_report_fact drop constraint goal_report_fact_pkey;
alter table goal_report_fact add primary key (generation, event_id);
