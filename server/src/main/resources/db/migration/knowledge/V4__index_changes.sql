-- What the search index must follow: every change of an article (a publish, an archive, a restore,
-- an import) and of a category's name leaves a row here, written by triggers so that no code path
-- can forget it. Each node's index remembers the last row it applied (docs/adr/0023) and applies
-- the rows after it: within a second on every node, and after a crash or a restart.
create table index_change (
    seq        bigint generated always as identity primary key,
    article_id uuid        not null,
    changed_at timestamptz not null default now()
);

create function article_changed() returns trigger language plpgsql as $$
begin
    insert into knowledge.index_change (article_id) values (new.id);
    return null;
end $$;

create trigger article_changed after insert or update on article
    for each row execute function article_changed();

-- A renamed or moved category changes the path of every article filed under it or below it.
create function category_changed() returns trigger language plpgsql as $$
begin
    insert into knowledge.index_change (article_id)
    select distinct v.article_id
      from knowledge.article a
      join knowledge.article_version v on v.article_id = a.id and v.number = a.published_version
     where v.category_id in (
        with recursive below as (
            select id from knowledge.category where id = new.id
            union all
            select c.id from knowledge.category c join below b on c.parent_id = b.id)
        select id from below);
    return null;
end $$;

create trigger category_changed after update of name, parent_id on category
    for each row execute function category_changed();
