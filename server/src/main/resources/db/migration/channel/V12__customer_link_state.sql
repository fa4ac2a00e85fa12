-- A chat's link to a customer is a claim until an agent verifies it (issue 15, finding 7). A phone
-- number typed into the widget, or a customer the agent found by search, says who the customer
-- might be, not who they are: until verified, the desk shows no history or notes and the registry
-- refuses to register the customer from the chat (docs/adr/0011).
--   customer_link: null without a customer; CLAIMED (unverified) or VERIFIED.
--   customer_verified_*: who verified, by which method, when (also in identity's access log).
--   verification_failures: failed attempts, over every customer linked to the chat; capped.
-- Links stored before this change were never verified: they start CLAIMED (the safe default).
alter table conversation
    add column customer_link varchar(10) check (customer_link in ('CLAIMED', 'VERIFIED')),
    add column customer_verified_by varchar(50),
    add column customer_verified_method varchar(20),
    add column customer_verified_at timestamptz,
    add column verification_failures integer not null default 0;
update conversation set customer_link = 'CLAIMED' where customer_id is not null;
alter table conversation add constraint conversation_link_with_customer
    check ((customer_id is null) = (customer_link is null));
alter table conversation add constraint conversation_verified_by_whom
    check (customer_link is distinct from 'VERIFIED'
           or (customer_verified_by is not null and customer_verified_method is not null and customer_verified_at is not null));

-- How each center lets agents verify a customer (a center that never chose: date of birth).
create table customer_verification (
    center_id bigint       primary key,
    methods   varchar(100) not null,
    changed_by varchar(50) not null,
    changed_at timestamptz not null
);
