-- A transferred contact has a record from each agent who handled it (the transferring agent's
-- 이관 and the colleague's), so a record is one per contact and agent, no longer one per contact.
alter table consultation drop constraint consultation_contact_id_key;
alter table consultation add constraint consultation_contact_agent unique (contact_id, agent);
