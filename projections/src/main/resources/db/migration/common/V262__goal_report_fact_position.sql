-- The yearly goal report keeps a report it has folded while the active generation holds no fact beyond the position
-- the report reflected (GoalReportProjection, FoldedReports): this index answers that question with one look-up.
create index goal_report_fact_position_idx on goal_report_fact (generation, global_index);
