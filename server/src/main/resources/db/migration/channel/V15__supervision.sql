-- A supervisor intervenes in a live chat (issue 17): a whisper only the agent reads, messages of
-- their own once they have barged in or taken over, and a log of who did what and when.
alter table message drop constraint message_sender_check;
alter table message add constraint message_sender_check
    check (sender in ('CUSTOMER', 'AGENT', 'SYSTEM', 'NOTE', 'WHISPER', 'SUPERVISOR'));

-- Set when a supervisor took the chat over: routing no longer holds it (the agent was freed), so
-- the routing listener and the orphan sweep leave it alone; the supervisor ends it.
alter table conversation add column taken_over_by varchar(50);

create table intervention (
    id              bigserial    primary key,
    conversation_id varchar(36)  not null references conversation (id),
    center_id       bigint       not null,
    kind            varchar(20)  not null check (kind in ('WHISPER', 'BARGE_IN', 'TAKE_OVER', 'END')),
    by_username     varchar(50)  not null,
    by_name         varchar(100) not null,
    agent_username  varchar(50),
    at              timestamptz  not null
);
create index intervention_conversation on intervention (conversation_id, id);

-- How long a customer's last message may stay unanswered before the monitoring list marks the
-- chat (warn, then alert); a center without a row uses the defaults in MonitorSettings.
create table monitor_setting (
    center_id             bigint primary key,
    answer_warn_seconds   integer not null check (answer_warn_seconds > 0),
    answer_alert_seconds  integer not null check (answer_alert_seconds > 0)
);
