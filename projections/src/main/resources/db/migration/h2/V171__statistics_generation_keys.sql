-- An event's statistics fact is unique within its generation (V170), not across generations.
alter table statistics_enterprise_fact drop primary key;
alter table statistics_enterprise_fact add primary key (generation, event_id);
alter table statistics_procurement_fact drop primary key;
alter table statistics_procurement_fact add primary key (generation, event_id);
