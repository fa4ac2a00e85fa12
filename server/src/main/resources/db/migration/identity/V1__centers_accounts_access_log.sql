-- Centers: one headquarters (원청) and its partner centers (협력사 센터).
create table center (
    id         bigint generated always as identity primary key,
    code       varchar(20)  not null unique,
    name       varchar(100) not null,
    kind       varchar(10)  not null check (kind in ('HQ', 'PARTNER')),
    time_zone  varchar(64)  not null,
    created_at timestamptz  not null default now()
);
create unique index center_single_headquarters on center (kind) where kind = 'HQ';

create table account (
    id                  bigint generated always as identity primary key,
    username            varchar(50)  not null,
    display_name        varchar(50)  not null,
    password_hash       varchar(200) not null,
    center_id           bigint       not null references center (id),
    team                varchar(50),
    language            varchar(8)   not null default 'ko',
    enabled             boolean      not null default true,
    failed_sign_ins     integer      not null default 0,
    locked_until        timestamptz,
    password_changed_at timestamptz  not null,
    created_at          timestamptz  not null,
    deactivated_at      timestamptz
);
create unique index account_username on account (lower(username));
create index account_center on account (center_id);

create table account_role (
    account_id bigint      not null references account (id),
    role       varchar(30) not null check (role in ('AGENT', 'SUPERVISOR', 'QA_EVALUATOR', 'WFM_PLANNER',
                                                     'CENTER_MANAGER', 'PROTECTION_TEAM', 'EXECUTIVE', 'ADMINISTRATOR')),
    primary key (account_id, role)
);

-- 개인정보 접속기록 (personal-data access log), 「개인정보의 안전성 확보조치 기준」 제8조.
-- Append-only: the triggers below reject every UPDATE, DELETE and TRUNCATE, whoever connects.
-- Rows are kept at least two years (the system holds 고유식별정보); Sangdam itself never deletes
-- them. Removing rows older than the retention period is a documented DBA task (docs/operations.md).
create table personal_data_access (
    id           bigint generated always as identity primary key,
    accessed_at  timestamptz  not null,
    account_id   bigint       not null,
    username     varchar(50)  not null,
    center_id    bigint       not null,
    client_ip    varchar(64),
    subject_type varchar(30)  not null,
    subject_id   varchar(64)  not null,
    subject_label varchar(100),
    task         varchar(20)  not null check (task in ('VIEW', 'UNMASK', 'DOWNLOAD', 'EXPORT', 'PRINT')),
    reason       varchar(500)
);
create index personal_data_access_time on personal_data_access (accessed_at desc);
create index personal_data_access_account on personal_data_access (username, accessed_at desc);
create index personal_data_access_subject on personal_data_access (subject_type, subject_id, accessed_at desc);

create function reject_access_log_change() returns trigger language plpgsql as $$
begin
    raise exception 'personal_data_access is append-only: % is not allowed (개인정보 접속기록은 수정하거나 삭제할 수 없습니다)', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger personal_data_access_no_update_or_delete
    before update or delete on personal_data_access
    for each row execute function reject_access_log_change();

create trigger personal_data_access_no_truncate
    before truncate on personal_data_access
    for each statement execute function reject_access_log_change();
