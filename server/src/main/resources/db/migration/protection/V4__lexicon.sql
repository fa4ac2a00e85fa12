-- The abuse lexicon the protection team edits (organisation-wide, not per center): abusive terms
-- with category and severity, and allowed phrases (category ALLOW) that excuse a term found inside
-- them (시발점). Rows are never deleted: a deactivated entry stays for the record of who changed what.
-- Seeded from the shipped default lexicon on the first start (AbuseScreening).
create table lexicon_entry (
    id              bigint generated always as identity primary key,
    category        varchar(20)  not null check (category in ('PROFANITY', 'INSULT', 'SEXUAL_HARASSMENT', 'THREAT', 'ALLOW')),
    severity        varchar(10)  check (severity in ('LOW', 'MEDIUM', 'HIGH')),
    pattern         varchar(500) not null,
    active          boolean      not null default true,
    created_at      timestamptz  not null,
    created_by      varchar(64)  not null,
    deactivated_at  timestamptz,
    deactivated_by  varchar(64),
    check ((category = 'ALLOW') = (severity is null))
);
create unique index lexicon_entry_active_pattern on lexicon_entry (category, pattern) where active;
