-- The customer behind a chat: matched by the contact module on the phone the customer gave, or
-- linked by the agent. An id of the contact module, never a foreign key across modules.
alter table conversation add column customer_id bigint;
create index conversation_customer on conversation (customer_id, created_at desc);
