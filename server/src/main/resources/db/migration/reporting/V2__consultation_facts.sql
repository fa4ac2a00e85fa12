-- One row per saved consultation record (contact's ConsultationRecorded, a durable event:
-- docs/adr/0015), for reports by day, queue, category and disposition without reading contact's
-- tables. The record's id is the key, so an event handed over twice (a restart republishes what a
-- listener had not finished) counts once.
create table consultation_fact (
    consultation_id bigint      primary key,
    contact_id      varchar(64) not null,
    center_id       bigint      not null,
    channel         varchar(10) not null,
    queue_code      varchar(30),
    agent           varchar(64) not null,
    category_id     bigint      not null,
    disposition     varchar(20) not null,
    follow_up       boolean     not null,
    recorded_at     timestamptz not null
);
-- Days are the center's own (its time zone), so they are ranges of recorded_at, not a stored date.
create index consultation_fact_by_center_time on consultation_fact (center_id, recorded_at);
