-- The event log and its chain are append-only: PostgreSQL refuses UPDATE, DELETE and TRUNCATE on them for every
-- role. (Only the owner of the tables can disable the triggers; in production the service connects as a role that
-- owns nothing and may only SELECT and INSERT: see docs/auditing.md, "Two database roles".)
create or replace function refuse_change_of_append_only_table() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = '42501';
end;
$$;

create trigger domain_event_entry_append_only before update or delete on domain_event_entry
    for each row execute function refuse_change_of_append_only_table();
create trigger domain_event_entry_no_truncate before truncate on domain_event_entry
    for each statement execute function refuse_change_of_append_only_table();
create trigger event_chain_append_only before update or delete on event_chain
    for each row execute function refuse_change_of_append_only_table();
create trigger event_chain_no_truncate before truncate on event_chain
    for each statement execute function refuse_change_of_append_only_table();
create trigger event_chain_checkpoint_append_only before update or delete on event_chain_checkpoint
    for each row execute function refuse_change_of_append_only_table();
create trigger event_chain_checkpoint_no_truncate before truncate on event_chain_checkpoint
    for each statement execute function refuse_change_of_append_only_table();
