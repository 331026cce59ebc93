-- The outgoing reminder queue of follow-up rounds: one row per message, read by a mail system (see docs/rounds.md
-- for the contract). A message is queued once per round, recipient and day (the message id says so); delivery is
-- marked once: delivered_at and delivery_reference are set by the first mark and never changed afterwards.
create table round_reminder_message (
    message_id          varchar(300)  not null,
    round_id            varchar(200)  not null,
    plan_id             varchar(200)  not null,
    recipient           varchar(200)  not null,
    subject             varchar(400)  not null,
    body                varchar(20000) not null,
    queued_at           timestamp with time zone not null,
    queued_by           varchar(200)  not null,
    delivered_at        timestamp with time zone,
    delivery_reference  varchar(300),
    constraint round_reminder_message_pk primary key (message_id)
);

create index round_reminder_message_undelivered on round_reminder_message (delivered_at, queued_at);
