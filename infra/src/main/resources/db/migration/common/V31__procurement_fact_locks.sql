-- One row per (authority, supplier) and per (authority, purchase kind, financial year) whose facts an award reads
-- and then extends. The award command locks its row before reading, so two awards recorded at the same moment
-- are checked one after the other: the second sees the first (or fails on the first's new row and writes nothing).
create table procurement_fact_lock (
    lock_key varchar(500) primary key
);
