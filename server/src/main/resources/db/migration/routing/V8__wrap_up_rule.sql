-- How an agent's wrap-up ends at this center: once their consultation records are saved (the
-- default), or after the queue's wrap-up time. Centers without a row follow the default.
alter table center_routing add column wrap_up_rule text not null default 'UNTIL_RECORDED'
    check (wrap_up_rule in ('UNTIL_RECORDED', 'TIMED'));
