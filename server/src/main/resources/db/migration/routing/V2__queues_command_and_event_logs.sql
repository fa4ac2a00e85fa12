-- A center's queues, as the routing engine reads them at start.
create table queue (
    id                    bigint generated always as identity primary key,
    center_id             bigint       not null,
    code                  varchar(30)  not null,
    name                  varchar(100) not null,
    channel               varchar(10)  not null check (channel in ('VOICE', 'CHAT', 'EMAIL')),
    required_skill        varchar(30)  not null,
    minimum_level         smallint     not null default 1 check (minimum_level between 1 and 10),
    priority              integer      not null default 0,
    service_level_percent numeric(5, 2) not null default 80,
    service_level_seconds integer      not null default 20,
    strategy              varchar(20)  not null default 'LONGEST_IDLE'
        check (strategy in ('LONGEST_IDLE', 'LEAST_OCCUPIED', 'BEST_SKILL_LEVEL', 'ROUND_ROBIN')),
    wrap_up_seconds       integer      not null default 30 check (wrap_up_seconds >= 0),
    unique (center_id, code)
);

-- Every routing command, written before the engine applies it (same transaction): after a crash
-- the engine of a center is rebuilt by replaying its commands, so no waiting contact is lost.
create table command_log (
    sequence    bigint generated always as identity primary key,
    center_id   bigint       not null,
    recorded_at timestamptz  not null,
    type        varchar(40)  not null,
    command     jsonb        not null
);
create index command_log_center on command_log (center_id, sequence);

-- What the engine decided, for live views and reports.
create table event_log (
    sequence         bigint generated always as identity primary key,
    center_id        bigint       not null,
    command_sequence bigint       not null,
    occurred_at      timestamptz  not null,
    type             varchar(40)  not null,
    contact_id       varchar(64),
    agent_id         varchar(64),
    queue_code       varchar(30)
);
create index event_log_center on event_log (center_id, sequence);
