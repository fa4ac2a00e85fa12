-- Open chats are looked up by center every minute (unrouted ones are ended) and after every rebuild;
-- ended ones pile up by the million, so the index holds only the open few.
create index conversation_open on conversation (center_id, created_at) where status <> 'ENDED';
