-- Consultation scripts (상담 스크립트, issue 18; docs/adr/0024): a graph of steps an agent follows
-- beside a chat. Every edit is a new version; a version once written never changes, so a run keeps
-- the very steps its agent saw. Headquarters' scripts are read by every center, written only by HQ.

create table script (
    id                bigserial primary key,
    center_id         bigint not null,
    -- The version the editor shows (the newest), and the one agents follow (null until published).
    latest_version    int not null,
    published_version int,
    archived          boolean not null default false,
    created_by        text not null,
    created_at        timestamptz not null,
    updated_by        text not null,
    updated_at        timestamptz not null,
    check (published_version is null or published_version <= latest_version)
);

create index script_center on script (center_id);

create table script_version (
    script_id   bigint not null references script (id),
    version     int not null check (version > 0),
    title       text not null,
    description text not null default '',
    start_step  text not null,
    created_by  text not null,
    created_at  timestamptz not null,
    primary key (script_id, version)
);

-- kind: SAY (read to the customer), ASK (a question; each answer is a choice), NOTE (for the agent
-- only), END (the script is done). Texts may name {{고객명}}, {{상품}}, {{상담사}}, {{센터}}.
create table script_step (
    script_id bigint not null,
    version   int not null,
    step_key  text not null,
    position  int not null,
    kind      text not null check (kind in ('SAY', 'ASK', 'NOTE', 'END')),
    title     text not null,
    body      text not null,
    primary key (script_id, version, step_key),
    foreign key (script_id, version) references script_version (script_id, version)
);

-- A choice leads to a step of the same version: the foreign key holds the graph together even
-- for a row written around the service's checks.
create table script_choice (
    script_id bigint not null,
    version   int not null,
    step_key  text not null,
    position  int not null,
    label     text not null,
    next_step text not null,
    primary key (script_id, version, step_key, position),
    foreign key (script_id, version, step_key) references script_step (script_id, version, step_key),
    foreign key (script_id, version, next_step) references script_step (script_id, version, step_key)
);

-- One agent following one script version in one conversation (the chat's id, channel's; no
-- foreign key across modules). The consultation record it belongs to is linked when it is saved.
create table script_run (
    id              bigserial primary key,
    conversation_id text not null,
    center_id       bigint not null,
    agent           text not null,
    script_id       bigint not null,
    version         int not null,
    -- What the agent typed for the script's variables (상품 …); the customer's name is not kept
    -- here: the desk fills it from what it shows, masked.
    variables       jsonb not null default '{}',
    status          text not null check (status in ('ACTIVE', 'FINISHED', 'ABANDONED')),
    started_at      timestamptz not null,
    ended_at        timestamptz,
    consultation_id bigint,
    foreign key (script_id, version) references script_version (script_id, version)
);

create unique index script_run_one_active on script_run (conversation_id, agent) where status = 'ACTIVE';
create index script_run_conversation on script_run (conversation_id);

-- The path: each step reached, in order, with the step it was reached from and the position of the
-- choice taken there (the version never changes, so its label is found there). Going back one step marks the
-- last step withdrawn rather than deleting it, so the record shows what was tried.
create table script_run_step (
    run_id       bigint not null references script_run (id),
    position     int not null,
    step_key     text not null,
    from_step    text,
    via_choice   int,
    reached_at   timestamptz not null,
    withdrawn_at timestamptz,
    primary key (run_id, position)
);
