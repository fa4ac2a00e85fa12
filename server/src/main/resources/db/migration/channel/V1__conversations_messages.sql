-- Web chat conversations. A conversation's id is also its contact id in the routing engine.
create table conversation (
    id             varchar(36)  primary key,
    center_id      bigint       not null,
    queue_code     varchar(30)  not null,
    -- masked at write time: the chat never needs the name in the clear
    customer_label varchar(50),
    lane           varchar(20),
    token_hash     varchar(64)  not null,
    status         varchar(12)  not null check (status in ('WAITING', 'OFFERED', 'CONNECTED', 'ENDED')),
    agent_username varchar(50),
    created_at     timestamptz  not null,
    ended_at       timestamptz
);
create index conversation_agent on conversation (agent_username, status);

-- Messages are stored (personal data masked) before they are acknowledged or pushed to anyone.
create table message (
    id              bigint generated always as identity primary key,
    conversation_id varchar(36)  not null references conversation (id),
    sender          varchar(10)  not null check (sender in ('CUSTOMER', 'AGENT', 'SYSTEM')),
    body            text         not null,
    sent_at         timestamptz  not null
);
create index message_conversation on message (conversation_id, id);
