-- The fact table of the participation report, written by the "participation" processing group: one row per meeting
-- held, per correction of a meeting's participants, and per recorded participation of an enterprise in an event,
-- seminar or tender school. Participants are enterprises (never people), kept as a space-separated list of their
-- identifiers. Each row keeps its event's position, business date and recording time, so the report can be asked as
-- recorded at a past moment and for a business-date range. Rows belong to a generation (see V170): a rebuild fills
-- the next one while the active one answers.
create table participation_fact (
    generation    integer                  not null,
    event_id      varchar(255)             not null,
    global_index  bigint                   not null,
    fact          varchar(30)              not null,  -- MEETING_HELD, PARTICIPANTS_CORRECTED, EVENT_PARTICIPATION, RETRACTION
    kind          varchar(30),                        -- MeetingKind or ParticipationKind; null for a correction
    occasion      varchar(300)             not null,  -- the meeting's identifier, the event's name, or the retracted event's id
    occurred_on   date                     not null,
    recorded_at   timestamp with time zone not null,
    recorded_by   varchar(200),
    participants  varchar(100000)          not null,  -- enterprise identifiers separated by spaces
    primary key (generation, event_id)
);

insert into projection_generation (processing_group, active_generation) values ('participation', 1);
