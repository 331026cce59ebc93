-- The running instances of the service (nodes) sharing this database, each seen within the last seconds. Every node
-- writes its own row every few seconds; the segment balancer (SegmentBalancer) divides each event processor's
-- segments by the number of live nodes, so two nodes share the work instead of the first one holding every segment.
create table tracker_node (
    node_id    varchar(255)             primary key,
    last_seen  timestamp with time zone not null
);
