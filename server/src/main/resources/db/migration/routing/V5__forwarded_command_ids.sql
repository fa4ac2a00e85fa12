-- The id a forwarding node gave a command (docs/adr/0009), kept with it: a node that takes the
-- center over knows a repeat of a command applied before and does not apply it again.
alter table command_log add column command_id text;
create unique index command_log_command_id on command_log (command_id) where command_id is not null;
