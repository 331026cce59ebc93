-- The yearly goal report counts only what lies inside its plan's scope (issue 10): the facts say where they belong.
--   municipality: on ENTERPRISE_DETAILS the enterprise's municipality; on PLAN_ADOPTED the plan's; on PARTY_DETAILS
--                 the party's municipality or region
--   authority:    on the fact that begins a procurement (RESERVED_PROCUREMENT_BEGUN, RESERVED_PROCUREMENT_ANNOUNCED,
--                 RESERVED_PROCUREMENT_ANNOUNCED_FIRST, PROCUREMENT_BEGUN) its contracting authority
--   carries_out_plan_id: the plan whose activity the event names as the one it carries out
--   party_id, party_abbreviation: on PARTY_DETAILS and PARTY_NAME, the party and (details) its abbreviation
--   plan_scope:   on PLAN_SCOPE_SET the scope as JSON ({"municipalities": [...], "parties": [...]})
alter table goal_report_fact add column municipality varchar(200);
alter table goal_report_fact add column authority varchar(200);
alter table goal_report_fact add column carries_out_plan_id varchar(64);
alter table goal_report_fact add column party_id varchar(64);
alter table goal_report_fact add column party_abbreviation varchar(30);
alter table goal_report_fact add column plan_scope varchar(30000);

-- The rows written before this migration lack these columns and the facts of plans, parties and non-reserved
-- procurements: the goal report is refolded from the event store. Its rows and tokens go, so its live processor
-- replays every event into the active generation when the application starts; a rebuild under way is abandoned.
delete from goal_report_fact;
delete from token_entry where processor_name = 'goal-report' or processor_name like 'goal-report@%';
update projection_generation set rebuilding_generation = null where processing_group = 'goal-report';
