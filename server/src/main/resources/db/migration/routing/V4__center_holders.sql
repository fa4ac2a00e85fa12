-- Which server node routes each center now, and where other nodes reach it to forward a command
-- there (docs/adr/0009). The holder writes its row when it takes the lease and every few seconds
-- after; a row not written for a while belongs to a node that is gone.
create table center_holder (
    center_id  bigint       primary key,
    node_id    varchar(100) not null,
    base_url   varchar(300) not null,
    updated_at timestamptz  not null
);
