-- A desk opening reads its agent's chats ended in the last hours that still lack a record; without
-- this, the read walks every chat the agent ever ended.
create index conversation_agent_ended on conversation (agent_username, ended_at) where status = 'ENDED';
