-- Counselling support (치유 프로그램) an agent asks for after abuse. Confidential: the protection
-- team sees everything; the agent's supervisor sees only that a request exists, and only when the
-- agent allowed it.
create table counselling_request (
    id                      bigint generated always as identity primary key,
    agent                   varchar(64)  not null,
    center_id               bigint       not null,
    requested_at            timestamptz  not null,
    share_with_supervisor   boolean      not null default false,
    agent_note              varchar(1000),
    status                  varchar(12)  not null default 'REQUESTED' check (status in ('REQUESTED', 'SCHEDULED', 'HELD')),
    session_at              timestamptz,
    handled_by              varchar(64)
);
create index counselling_request_status on counselling_request (status, requested_at);
