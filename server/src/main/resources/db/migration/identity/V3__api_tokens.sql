-- API tokens for integrations (personal and service), sent as "Authorization: Bearer sdm_…".
-- Only the SHA-256 of the secret is kept: the secret is 256 random bits, so a fast hash is as safe
-- as a slow one and costs microseconds per call instead of a bcrypt's 100 ms (docs/api.md).
-- A token never gives more than its owner has now: the roles it acts with are its scopes that the
-- owner still holds, and a deactivated owner's tokens stop working.
create table api_token (
    id           bigint generated always as identity primary key,
    account_id   bigint       not null references account (id),
    created_by   bigint       not null references account (id),
    name         varchar(100) not null,
    scopes       varchar(200) not null,
    center_id    bigint       not null references center (id),
    secret_hash  char(64)     not null unique,
    hint         varchar(12)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   bigint references account (id)
);
create index api_token_account on api_token (account_id);
