-- Follow-up rounds as read (processing group follow-up-rounds): one row per round, one per item in its scope with
-- where it stands, and the presented report of a closed round exactly as it was presented (its JSON text and the
-- SHA-256 of its UTF-8 bytes). last_sequence makes redelivery harmless: a round's events apply in order, once.
create table round_view (
    generation        integer      not null,
    round_id          varchar(200) not null,
    plan_id           varchar(200) not null,
    name              varchar(200) not null,
    kind              varchar(20)  not null,
    cut_off_date      date         not null,
    deadline          date         not null,
    opened_on         date         not null,
    opened_by         varchar(200),
    opened_at         timestamp with time zone not null,
    closed_on         date,
    closed_by         varchar(200),
    closed_at         timestamp with time zone,
    report_sha256     varchar(64),
    report_position   bigint,
    last_sequence     bigint       not null,
    constraint round_view_pk primary key (generation, round_id)
);

create index round_view_plan on round_view (generation, plan_id);

create table round_item_view (
    generation         integer      not null,
    round_id           varchar(200) not null,
    subject_kind       varchar(20)  not null,
    subject_id         varchar(200) not null,
    ordinal            integer      not null,
    reporter           varchar(200) not null,
    state              varchar(30)  not null,
    status             varchar(30),
    assessment_comment varchar(4000),
    figure             numeric(19, 4),
    figure_source      varchar(500),
    submitted_on       date,
    submitted_by       varchar(200),
    submitted_at       timestamp with time zone,
    submissions        integer      not null,
    review_comment     varchar(4000),
    reviewed_on        date,
    reviewed_by        varchar(200),
    reviewed_at        timestamp with time zone,
    constraint round_item_view_pk primary key (generation, round_id, subject_kind, subject_id),
    constraint round_item_view_round_fk foreign key (generation, round_id)
        references round_view (generation, round_id) on delete cascade
);

create table round_presented_report (
    generation       integer      not null,
    round_id         varchar(200) not null,
    report_json      text         not null,
    report_sha256    varchar(64)  not null,
    report_position  bigint       not null,
    closed_at        timestamp with time zone not null,
    closing_event_id varchar(100) not null,
    constraint round_presented_report_pk primary key (generation, round_id),
    constraint round_presented_report_round_fk foreign key (generation, round_id)
        references round_view (generation, round_id) on delete cascade
);

insert into projection_generation (processing_group, active_generation) values ('follow-up-rounds', 1);
