-- Retractions of facts recorded in error (issue 4). A retraction is a fact of its own: the fact tables of the
-- goal report, the statistics and the activity follow-up keep it as a row (fact RETRACTION / RETRACTED) with its
-- recorded time and global index, naming the event it retracts in retracts_event_id; folds ignore a retracted fact
-- once the retraction is recorded at or before the moment asked for. Nothing is ever deleted or updated there.
alter table goal_report_fact add column retracts_event_id varchar(255);
alter table statistics_enterprise_fact add column retracts_event_id varchar(255);
alter table statistics_procurement_fact add column retracts_event_id varchar(255);
alter table activity_followup_fact add column retracts_event_id varchar(255);

-- The state read models show a retraction on what it retracted: a meeting or an enterprise fact as retracted (with
-- the day and reason), and every enterprise fact with the event id a retraction names.
alter table meeting_view add column retracted_on date;
alter table meeting_view add column retraction_reason varchar(2000);
alter table enterprise_fact_view add column event_id varchar(255);
alter table enterprise_fact_view add column retracted_on date;
alter table enterprise_fact_view add column retraction_reason varchar(2000);
-- The event id of the recording of a meeting, which a retraction names; and, on every enterprise fact row, the
-- Integrationspakten membership as it stood after that fact, so a retracted membership step restores the one before.
alter table meeting_view add column held_event_id varchar(255);
alter table enterprise_fact_view add column ip_level varchar(64);
alter table enterprise_fact_view add column ip_joined_on date;
alter table enterprise_fact_view add column ip_left_on date;
-- Every procurement step with its event id, which a retraction names.
alter table procurement_step_view add column event_id varchar(255);
