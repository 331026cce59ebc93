-- Joint leads and the all-committees marker ("samtliga nämnder") of an activity's responsibility (issue 10):
-- lead_party stays the first lead and may now be null (only all committees lead); co_lead_parties holds the other
-- leads as a JSON array of party names. Rows written before this migration have co_lead_parties null (no co-leads)
-- and all_committees false/null; a lead_party "samtliga nämnder" among them reads as the marker (Responsibility), so
-- no rebuild is needed.
alter table plan_activity_view alter column lead_party drop not null;
alter table plan_activity_view add column co_lead_parties varchar(2200);
alter table plan_activity_view add column all_committees boolean default false not null;

alter table activity_followup_fact add column co_lead_parties varchar(2200);
alter table activity_followup_fact add column all_committees boolean;
