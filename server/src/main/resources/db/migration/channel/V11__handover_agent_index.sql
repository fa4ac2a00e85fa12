-- A desk opening reads its agent's recent handovers that still lack a record (as it reads their
-- ended chats, V9); without this, the read walks every handover.
create index handover_agent_time on handover (agent_username, handed_over_at);
