-- A left message becomes a routed contact of its queue once the queue is open again (docs/adr/0007).
-- routed_at is set in the same statement that claims the row ("where routed_at is null"), so of two
-- sweeps, on one node or two, exactly one arrives it; offered_to and taken_by follow routing's events
-- so the callback list shows who has it.
alter table left_message
    add column routed_at  timestamptz,
    add column offered_to varchar(50),
    add column taken_by   varchar(50),
    add column taken_at   timestamptz;
create index left_message_unrouted on left_message (center_id, queue_code) where status = 'OPEN' and routed_at is null;
