-- Server nodes sharing this database (docs/adr/0009): each registers and beats every few seconds;
-- a node fans its live pushes out only while another one beats.
create table cluster_node (
    node_id      varchar(100) primary key,
    started_at   timestamptz  not null,
    heartbeat_at timestamptz  not null
);

-- A signal too large for NOTIFY (8000 bytes) waits here; the notification carries its id.
-- Rows are deleted a minute later: by then every listening node has read them.
create table cluster_payload (
    id         bigserial   primary key,
    body       text        not null,
    created_at timestamptz not null default now()
);

-- The secret nodes present to each other's internal endpoints; made once by the first node.
create table cluster_secret (
    id         integer      primary key check (id = 1),
    secret     varchar(100) not null,
    created_at timestamptz  not null default now()
);
