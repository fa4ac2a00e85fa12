-- The customer a consultation was with, when the channel knew them (matched by phone or linked by
-- the agent). customer_id is this module's own customer, so history per customer is one index scan.
alter table consultation add column customer_id bigint references customer (id);
create index consultation_customer on consultation (customer_id, recorded_at desc);

-- A chat that starts with a phone number is matched on the normalised mobile phone.
create index customer_phone_digits on customer (regexp_replace(mobile_phone, '[^0-9]', '', 'g'));
