-- One-time codes sent by SMS to a customer's mobile phone so an agent can verify that the person in a
-- contact is that customer (docs/adr/0011). One code per contact at a time; only its hash is kept,
-- salted with the contact id, and it expires within minutes. Sends are counted per contact.
create table verification_code (
    contact_id  varchar(64) primary key,
    customer_id bigint      not null references customer (id),
    code_hash   varchar(64) not null,
    expires_at  timestamptz not null,
    sends       integer     not null default 1
);
