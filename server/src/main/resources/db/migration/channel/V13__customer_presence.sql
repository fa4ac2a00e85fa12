-- When the chat's customer was last known to be there (a request of theirs, or a stream of theirs
-- still open), and since when they are taken to be gone. Neither is indexed: they change every few
-- seconds for every open chat, and without an index those updates stay HOT (no index writes). The
-- sweep that reads them walks the open chats by the partial index conversation_open.
alter table conversation add column customer_seen_at timestamptz;
alter table conversation add column customer_away_since timestamptz;

-- A center's chat settings; a center without a row uses the defaults.
create table chat_setting (
    center_id             bigint      primary key,
    -- a waiting chat whose customer is gone this long is abandoned; a connected one is shown as left
    customer_gone_seconds integer     not null check (customer_gone_seconds between 15 and 1800),
    changed_by            varchar(50) not null,
    changed_at            timestamptz not null
);
