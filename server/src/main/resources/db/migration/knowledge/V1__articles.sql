-- The knowledge base's articles (docs/adr/0022). A center edits its own category tree and articles;
-- the headquarters center's articles are read by every center and edited only at headquarters.
-- People are named by username, as the protection module records its editors: an imported article
-- may have no person behind it ("system" for the demo knowledge base).

create table category (
    id          bigint generated always as identity primary key,
    center_id   bigint       not null,
    parent_id   bigint       references category (id),
    name        varchar(100) not null check (length(btrim(name)) > 0 and position('/' in name) = 0),
    position    integer      not null default 0
);
-- One name per parent: an import's path "요금/해지" finds the same category every time.
create unique index category_name_in_parent on category (center_id, coalesce(parent_id, 0), name);

-- status is the state of the newest version; published_version the one in force (it stays in force
-- while a newer version is a draft or in review, and is kept, for audit, when the article is archived).
create table article (
    id                uuid         primary key,
    center_id         bigint       not null,
    external_id       varchar(100),
    kind              varchar(10)  not null check (kind in ('ARTICLE', 'SNIPPET', 'CASE')),
    owner             varchar(64)  not null,
    status            varchar(10)  not null check (status in ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')),
    latest_version    integer      not null,
    published_version integer,
    review_comment    varchar(2000),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    archived_at       timestamptz,
    archived_by       varchar(64)
);
create unique index article_external_id on article (center_id, external_id) where external_id is not null;
create index article_center_status on article (center_id, status, updated_at desc);

-- Audience and effective dates belong to a version: making an agents-only answer public for the
-- bot is a change a reviewer must see, like any change of text.
create table article_version (
    article_id     uuid          not null references article (id),
    number         integer       not null,
    title          varchar(200)  not null,
    body           text          not null,
    category_id    bigint        references category (id),
    tags           varchar(50)[] not null default '{}',
    audience       varchar(10)   not null check (audience in ('AGENTS', 'PUBLIC')),
    effective_from date,
    effective_to   date,
    author         varchar(64)   not null,
    created_at     timestamptz   not null,
    reviewed_by    varchar(64),
    published_at   timestamptz,
    primary key (article_id, number),
    check (effective_to is null or effective_from is null or effective_to >= effective_from)
);
