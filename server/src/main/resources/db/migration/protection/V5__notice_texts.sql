-- A center's own wording of the protection notices (산업안전보건법 제41조: the customer is told in
-- advance, then warned): the notice that opens every chat (the one the ARS plays), the first and
-- the final warning, in Korean and English. No row: the legally grounded default text is used.
create table notice_text (
    center_id   bigint        not null,
    kind        varchar(20)   not null check (kind in ('CHAT_NOTICE', 'FIRST_WARNING', 'FINAL_WARNING')),
    language    varchar(5)    not null check (language in ('ko', 'en')),
    text        varchar(1000) not null,
    updated_at  timestamptz   not null,
    updated_by  varchar(64)   not null,
    primary key (center_id, kind, language)
);
