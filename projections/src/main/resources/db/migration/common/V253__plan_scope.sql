-- What a plan covers (PlanEvents.PlanScopeSetEvent), as JSON arrays: its municipalities and the ids of the parties
-- of the register it covers. Null until a scope is recorded: the plan then covers the municipality it was adopted
-- for, which the plan read shows as its scope.
alter table plan_view add column scope_municipalities varchar(12000);
alter table plan_view add column scope_parties varchar(15000);
