-- An agent who transferred a chat records what they did (이관, disposition TRANSFERRED) while the
-- colleague records the rest: who handed the chat over, and the last message before the handover
-- (their record's transcript ends there). Transferred again later: the later handover counts.
create table handover (
    conversation_id varchar(36) not null references conversation (id),
    agent_username  varchar(50) not null,
    last_message_id bigint      not null,
    handed_over_at  timestamptz not null,
    primary key (conversation_id, agent_username)
);
