-- Each warning an agent sent, with its time: the evidence pack for legal action lists them
-- (the incident row only counts them).
create table incident_warning (
    id              bigint generated always as identity primary key,
    conversation_id varchar(64) not null references incident (conversation_id),
    level           integer     not null,
    agent           varchar(64) not null,
    sent_at         timestamptz not null
);
create index incident_warning_conversation on incident_warning (conversation_id, sent_at);
