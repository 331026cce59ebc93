-- The enterprise register read model, folded from social enterprise events by the "enterprise-register"
-- processing group. last_sequence is the enterprise aggregate's sequence number of the last event applied:
-- handlers apply an event only when it is newer, which makes redelivery harmless.

create table enterprise_view (
    enterprise_id                 varchar(64)   primary key,
    organisation_number           varchar(11),  -- null for a sole trader (enskild firma): never stored
    name                          varchar(200)  not null,
    legal_form                    varchar(30)   not null,
    lines_of_business             varchar(8000) not null,  -- JSON array
    municipality                  varchar(200)  not null,
    district                      varchar(200),
    integration_purpose           boolean       not null,
    employee_participation        boolean       not null,
    profits_reinvested            boolean       not null,
    independent_of_public_sector  boolean       not null,
    counts_as_asf                 boolean       not null,
    certifications                varchar(8000) not null,  -- JSON array
    registered_on                 date          not null,
    details_changed_on            date,
    closed_on                     date,
    closing_reason                varchar(2000),
    integrationspakten_invited_on date,         -- the latest invitation
    integrationspakten_level      varchar(64),  -- null when not a member
    integrationspakten_joined_on  date,
    integrationspakten_left_on    date,
    reference_group_invited_on    date,
    reference_group_joined_on     date,
    last_sequence                 bigint        not null
);

create index enterprise_view_district_idx on enterprise_view (district);

-- Every recorded fact about an enterprise, with the plan activity it carries out (if any): the drill-down from
-- an activity to the invitations, advice and participations that fulfilled it.
create table enterprise_fact_view (
    enterprise_id  varchar(64)   not null references enterprise_view (enterprise_id) on delete cascade,
    event_sequence bigint        not null,
    fact           varchar(60)   not null,
    occurred_on    date          not null,
    summary        varchar(4000) not null,
    plan_id        varchar(64),
    activity_id    varchar(64),
    primary key (enterprise_id, event_sequence)
);

create index enterprise_fact_view_activity_idx on enterprise_fact_view (plan_id, activity_id);
