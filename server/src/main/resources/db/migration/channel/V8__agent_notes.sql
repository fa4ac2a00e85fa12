-- A transfer note is for the next agent, not the customer: it is stored in the conversation as a
-- message of its own kind, which the customer's widget never receives.
alter table message drop constraint message_sender_check;
alter table message add constraint message_sender_check check (sender in ('CUSTOMER', 'AGENT', 'SYSTEM', 'NOTE'));
