-- Abuse findings of a customer message (category, severity, start, end in the stored body),
-- so the agent's screen can mark the words before the agent reads them.
alter table message add column flags jsonb not null default '[]';

-- The customer's language: notices and warnings are sent in it, whoever triggers them.
alter table conversation add column language varchar(8) not null default 'ko';
