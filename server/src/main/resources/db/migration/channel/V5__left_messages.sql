-- Messages customers leave in the chat widget while a queue is closed: a callback list for the
-- center. The message is masked at write time like any chat message; the name and phone are kept
-- so an agent can call back, shown masked, and every unmasked view is in the access log.
create table left_message (
    id           bigint generated always as identity primary key,
    center_id    bigint       not null,
    queue_code   varchar(30)  not null,
    name         varchar(50)  not null,
    phone        varchar(20)  not null,
    body         text         not null,
    consented_at timestamptz  not null,
    created_at   timestamptz  not null,
    status       varchar(10)  not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    handled_by   varchar(50),
    handled_at   timestamptz
);
create index left_message_center on left_message (center_id, status, created_at);
