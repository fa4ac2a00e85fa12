-- Agent assist (issue 18): which knowledge-base articles the desk suggested in a chat, and which the
-- agent opened or put into a reply. A measure of the knowledge base for its owner: what is shown and
-- never used, what is used most. One row per chat, article and action: a suggestion shown again each
-- time the customer writes counts once, as does a passage inserted twice from the same article.
-- The article is named by the id callers see (an imported id such as KB-1001, else the article's
-- uuid) and by its title as shown then, so the report reads without asking the knowledge module.
create table knowledge_use (
    id              bigint generated always as identity primary key,
    center_id       bigint       not null,
    conversation_id varchar(36)  not null references conversation (id),
    agent_username  varchar(50)  not null,
    article_id      varchar(100) not null,
    article_title   varchar(300) not null,
    action          varchar(10)  not null check (action in ('SHOWN', 'OPENED', 'INSERTED')),
    source          varchar(10)  not null check (source in ('SUGGESTED', 'SEARCHED')),
    at              timestamptz  not null,
    unique (conversation_id, article_id, action)
);

create index knowledge_use_center_at on knowledge_use (center_id, at);
