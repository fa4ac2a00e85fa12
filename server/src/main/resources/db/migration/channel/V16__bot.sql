-- The widget's bot (issue 18): it answers from public articles before a chat is queued and hands
-- the customer to an agent with what was said. A center turns it on or off; without a row it is off.
create table bot_setting (
    center_id   bigint      primary key,
    enabled     boolean     not null,
    changed_by  varchar(50),
    changed_at  timestamptz
);

-- One customer's talk with the bot. The token's hash proves the customer, as for a chat. Deflected
-- (answered without an agent) = resolved_at set, never handed off, and ended or idle.
create table bot_session (
    id               varchar(36) primary key,
    center_id        bigint      not null,
    token_hash       varchar(64) not null,
    language         varchar(8)  not null,
    started_at       timestamptz not null,
    last_at          timestamptz not null,
    unhelpful        integer     not null default 0,
    resolved_at      timestamptz,
    ended_at         timestamptz,
    handoff_reason   varchar(20) check (handoff_reason in ('ASKED', 'TWO_UNHELPFUL', 'FRUSTRATION', 'ABUSE')),
    handed_off_at    timestamptz,
    conversation_id  varchar(36) references conversation (id)
);
create index bot_session_center_started on bot_session (center_id, started_at);
create index bot_session_conversation on bot_session (conversation_id) where conversation_id is not null;

-- A question and what the bot replied: the candidates it showed (id, title, passage, score) and,
-- once the customer said so, the one they chose and whether it helped. The question is masked.
create table bot_turn (
    id          bigserial   primary key,
    session_id  varchar(36) not null references bot_session (id),
    question    text        not null,
    kind        varchar(10) not null check (kind in ('ANSWER', 'CHOICE', 'NONE', 'HANDOFF')),
    answers     jsonb       not null default '[]',
    chosen      varchar(100),
    helpful     boolean,
    handoff     varchar(20),
    asked_at    timestamptz not null
);
create index bot_turn_session on bot_turn (session_id, id);
