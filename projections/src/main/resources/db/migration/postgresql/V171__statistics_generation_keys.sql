-- An event's statistics fact is unique within its generation (V170), not across generations.
alter table statistics_enterprise_fact drop constraint statistics_enterprise_fact_pkey;
alter table statistics_enterprise_fact add primary key (generation, event_id);
alter table statistics_procurement_fact drop constraint statistics_procurement_fact_pkey;
alter table statistics_procurement_fact add primary key (generation, event_id);
