-- The yearly goal report's measures of reserved contracts (issue 10): the procurement a procurement fact belongs to,
-- so that the fold can tell an award in a reserved procurement (RESERVED_PROCUREMENT_BEGUN of the same procurement)
-- and an award whose procurement was cancelled (PROCUREMENT_CANCELLED of the same procurement). New facts:
-- RESERVED_PROCUREMENT_ANNOUNCED, CONTRACT_AWARDED (every award) and PROCUREMENT_CANCELLED. Rows written before this
-- migration have no procurement_id, and awards and cancellations recorded before it have no row: the measures
-- RESERVED_CONTRACTS_AWARDED and RESERVED_PROCUREMENTS_ANNOUNCED count them once the goal-report read model is
-- rebuilt (rebuild-projection goal-report, see docs/operations.md).
alter table goal_report_fact add column procurement_id varchar(64);
