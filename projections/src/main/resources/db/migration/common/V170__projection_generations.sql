-- Generations of a projection's tables: a rebuild fills a new generation from the event store while the active one
-- keeps answering queries; the switch makes the new generation the active one in one transaction. Only processing
-- groups whose fact tables carry a generation column have a row here (see README: "Rebuilding projections"); a
-- group without a row reads generation 1.
create table projection_generation (
    processing_group        varchar(100) primary key,
    active_generation       integer      not null,
    rebuilding_generation   integer,
    rebuild_started_at      timestamp with time zone,
    rebuild_start_position  bigint,                    -- the event store's head when the rebuild began
    switch_when_caught_up   boolean      not null default false
);

-- The statistics fact tables hold one set of rows per generation; V171 (per database: the two name a primary key
-- differently) makes an event's row unique within its generation.
alter table statistics_enterprise_fact add column generation integer default 1 not null;
alter table statistics_procurement_fact add column generation integer default 1 not null;

insert into projection_generation (processing_group, active_generation) values ('statistics', 1);
