-- One row that every append to domain_event_entry locks (select ... for update) until its transaction ends, so
-- events commit in the order of their global_index and a tracking processor never passes an event that commits
-- later (see SerialisedAppendsEventStorageEngine).
create table event_append_lock (
    id integer primary key
);

insert into event_append_lock (id) values (1);
