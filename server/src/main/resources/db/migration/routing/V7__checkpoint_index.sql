-- A rebuild starts at the center's last checkpoint: found without reading the log after it.
create index command_log_checkpoint on command_log (center_id, sequence) where type = 'Checkpoint';
