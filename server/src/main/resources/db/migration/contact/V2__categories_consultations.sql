-- Consultation categories (상담 유형): a three-level tree the center edits (대/중/소분류).
create table category (
    id        bigint generated always as identity primary key,
    parent_id bigint references category (id),
    level     smallint     not null check (level between 1 and 3),
    code      varchar(30)  not null unique,
    name_ko   varchar(100) not null,
    name_en   varchar(100) not null,
    active    boolean      not null default true
);

-- The consultation record (상담 이력), written by the agent at wrap-up. Notes and transcript are
-- masked at write time; the transcript is a copy, so the record stands alone.
create table consultation (
    id              bigint generated always as identity primary key,
    contact_id      varchar(64)  not null unique,
    center_id       bigint       not null,
    channel         varchar(10)  not null,
    queue_code      varchar(30),
    agent           varchar(64)  not null,
    customer_label  varchar(100),
    category_id     bigint       not null references category (id),
    disposition     varchar(20)  not null check (disposition in ('RESOLVED', 'FOLLOW_UP', 'TRANSFERRED', 'ENDED_FOR_ABUSE', 'NO_RESPONSE')),
    follow_up       boolean      not null default false,
    notes           text,
    transcript      jsonb        not null default '[]',
    recorded_at     timestamptz  not null
);
create index consultation_center_time on consultation (center_id, recorded_at desc);
create index consultation_agent on consultation (agent, recorded_at desc);
