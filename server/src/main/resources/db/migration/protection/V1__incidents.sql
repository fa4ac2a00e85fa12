-- An abusive contact as the protection team sees it: what was said (categories), the warnings
-- the agent sent, and whether the agent ended the contact (산업안전보건법 제41조 records).
create table incident (
    id              bigint generated always as identity primary key,
    conversation_id varchar(64)  not null unique,
    center_id       bigint       not null,
    agent           varchar(64),
    customer_label  varchar(100),
    categories      varchar(200) not null,
    highest_severity varchar(10) not null,
    flagged_messages integer     not null default 1,
    warnings_sent   integer      not null default 0,
    ended_for_abuse boolean      not null default false,
    first_flagged_at timestamptz not null,
    ended_at        timestamptz
);
create index incident_center_time on incident (center_id, first_flagged_at desc);
