-- What a center's manager edits on the routing pages. Queue changes, agent skills and capacities
-- reach the live engine by a checkpoint in the command log (docs/adr/0006).

alter table skill add column active boolean not null default true;

alter table queue add column name_en     varchar(100);
-- Agents must be in this group (a team name) unless overflow widens it; null means any agent.
alter table queue add column agent_group varchar(30);
-- False: open around the clock (the queue_hours rows are ignored).
alter table queue add column limited_hours boolean not null default false;

-- Every skill a queue needs, at its minimum level (the first column pair of queue stays the first).
create table queue_skill (
    queue_id      bigint      not null references queue (id) on delete cascade,
    skill_code    varchar(30) not null,
    minimum_level smallint    not null check (minimum_level between 1 and 10),
    primary key (queue_id, skill_code)
);
insert into queue_skill (queue_id, skill_code, minimum_level) select id, required_skill, minimum_level from queue;

-- Overflow steps by seconds waited in the queue, cumulative, in order.
create table queue_overflow (
    queue_id      bigint      not null references queue (id) on delete cascade,
    step          smallint    not null,
    after_seconds integer     not null check (after_seconds > 0),
    action        varchar(20) not null check (action in ('LOWER_LEVEL', 'WIDEN_TO_GROUP', 'MOVE_TO_QUEUE')),
    target        varchar(30) not null,
    level         smallint check (level between 1 and 10),
    primary key (queue_id, step)
);

-- Opening hours per ISO day of week (1 = Monday), center local time; a missing day is closed.
create table queue_hours (
    queue_id    bigint   not null references queue (id) on delete cascade,
    day_of_week smallint not null check (day_of_week between 1 and 7),
    opens       time     not null,
    closes      time     not null,
    primary key (queue_id, day_of_week)
);

-- Dates the queue is closed all day, besides the holidays the workforce module keeps.
create table queue_closed_day (
    queue_id bigint not null references queue (id) on delete cascade,
    day      date   not null,
    primary key (queue_id, day)
);

-- The reasons an agent picks when going not ready (휴식, 식사, 교육, 회의 ...), per center.
create table not_ready_reason (
    id        bigint generated always as identity primary key,
    center_id bigint      not null,
    name_ko   varchar(50) not null,
    name_en   varchar(50) not null,
    active    boolean     not null default true,
    unique (center_id, name_ko)
);

-- How many chats an agent holds at once: the center's default and any agent's own number.
create table center_routing (
    center_id     bigint   primary key,
    chat_capacity smallint not null check (chat_capacity between 1 and 5)
);
create table agent_capacity (
    agent_id      bigint   primary key,
    chat_capacity smallint not null check (chat_capacity between 1 and 5)
);
