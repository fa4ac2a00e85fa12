-- The abusive-customer registry (악성 고객 등록): the protection team registers a customer after
-- reviewing a flagged contact, with evidence (a masked excerpt of the flagged messages) and an
-- expiry. While an entry is active, the customer's chats route to the dedicated lane and the agent
-- is warned. Entries are never deleted: lifting one early keeps who did it and why.
-- customer_id is the contact module's customer; the label is masked.
create table abusive_customer (
    id              bigint generated always as identity primary key,
    customer_id     bigint        not null,
    customer_label  varchar(150),
    conversation_id varchar(64)   not null,
    center_id       bigint        not null,
    category        varchar(30)   not null,
    evidence        text          not null,
    note            varchar(1000),
    registered_by   varchar(64)   not null,
    registered_at   timestamptz   not null,
    expires_on      date          not null,
    lifted_by       varchar(64),
    lifted_at       timestamptz,
    lift_reason     varchar(500)
);
create index abusive_customer_customer on abusive_customer (customer_id, expires_on desc);
create index abusive_customer_time on abusive_customer (registered_at desc);
