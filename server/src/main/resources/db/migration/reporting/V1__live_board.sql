-- Read models fed by routing events (reporting never reads another module's tables).
-- A contact counts as offered once, in the queue and interval it first arrived in.
create table contact_arrival (
    center_id  bigint      not null,
    contact_id varchar(64) not null,
    queue_code varchar(30) not null,
    arrived_at timestamptz not null,
    primary key (center_id, contact_id)
);

-- Per queue and half hour of arrival: what service level is computed from.
create table queue_interval (
    center_id        bigint      not null,
    queue_code       varchar(30) not null,
    interval_start   timestamptz not null,
    offered          integer     not null default 0,
    answered         integer     not null default 0,
    answered_in_time integer     not null default 0,
    abandoned        integer     not null default 0,
    short_abandoned  integer     not null default 0,
    wait_seconds     double precision not null default 0,
    primary key (center_id, queue_code, interval_start)
);

create table agent_status (
    center_id bigint      not null,
    agent     varchar(64) not null,
    state     varchar(20) not null,
    since     timestamptz not null,
    primary key (center_id, agent)
);
