-- The search dictionary administrators edit (issue 18, docs/adr/0025): user words Nori keeps whole
-- or splits as told, and groups of synonyms searched as one. One dictionary for the whole
-- deployment, because there is one index for all centers; no center_id on purpose.
-- Every entry is loaded with Lucene before it is stored (SearchDictionaries), so the analyzer never
-- meets a row it cannot read. Changing the dictionary means a full re-index (SearchDictionaryChanged).

-- A word in Nori's user dictionary: the surface form, and optionally its parts separated by single
-- spaces (세종시 -> '세종 시'); the parts concatenate to the word.
create table user_word (
    id            bigint generated always as identity primary key,
    word          varchar(30)  not null,
    segmentation  varchar(60),
    added_at      timestamptz  not null,
    added_by      varchar(64)  not null,
    check (segmentation is null or replace(segmentation, ' ', '') = word)
);
-- Nori treats a word case-sensitively, but two entries differing only in case are a mistake.
create unique index user_word_unique on user_word (lower(word));

create table synonym_group (
    id          bigint generated always as identity primary key,
    changed_at  timestamptz  not null,
    changed_by  varchar(64)  not null
);

-- The terms of a group, in the order the administrator wrote them. A term belongs to one group at
-- most (compared case-insensitively): two groups sharing a term would silently be one.
create table synonym_term (
    group_id  bigint       not null references synonym_group (id) on delete cascade,
    position  smallint     not null,
    term      varchar(30)  not null,
    primary key (group_id, position)
);
create unique index synonym_term_unique on synonym_term (lower(term));

-- Who changed what when, for audit. Append-only: the triggers reject UPDATE, DELETE and TRUNCATE.
-- Its id is the dictionary's revision: SearchDictionaryChanged carries it.
create table dictionary_change (
    id          bigint generated always as identity primary key,
    changed_at  timestamptz   not null,
    changed_by  varchar(64)   not null,
    action      varchar(20)   not null check (action in ('WORD_ADDED', 'WORD_REMOVED', 'SYNONYMS_ADDED',
                                                         'SYNONYMS_CHANGED', 'SYNONYMS_REMOVED')),
    entry       varchar(1000) not null,
    previous    varchar(1000)
);
create index dictionary_change_time on dictionary_change (changed_at desc, id desc);

create function reject_dictionary_change_edit() returns trigger language plpgsql as $$
begin
    raise exception 'dictionary_change is append-only: % is not allowed (검색 사전 변경 이력은 고치거나 지울 수 없습니다)', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger dictionary_change_no_update_or_delete
    before update or delete on dictionary_change
    for each row execute function reject_dictionary_change_edit();

create trigger dictionary_change_no_truncate
    before truncate on dictionary_change
    for each statement execute function reject_dictionary_change_edit();
