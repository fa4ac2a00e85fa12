-- Quick replies (상용구): sentences agents insert into a chat with "/" (issue 17). Shaped to move
-- into the knowledge base as snippets later (issue 18): a title that is also the shortcut, a body,
-- the set it belongs to (owner scope), its language, and who made and last changed it.
--   scope CENTER: the center's set, edited by its manager (or an administrator);
--   scope TEAM: one team's set (team names the team, as identity spells it), edited by its supervisor;
--   scope PERSONAL: one person's set (owner_id is identity's account id), edited by that person.
-- Every row belongs to one center: the tenant wall holds even for personal sets.
create table quick_reply (
    id          bigserial    primary key,
    center_id   bigint       not null,
    scope       varchar(10)  not null check (scope in ('CENTER', 'TEAM', 'PERSONAL')),
    team        varchar(50),
    owner_id    bigint,
    title       varchar(50)  not null,
    body        varchar(2000) not null,
    language    varchar(5)   not null,
    created_by  varchar(50)  not null,
    created_at  timestamptz  not null,
    updated_by  varchar(50)  not null,
    updated_at  timestamptz  not null,
    constraint quick_reply_set_owner check (
        (scope = 'CENTER' and team is null and owner_id is null)
        or (scope = 'TEAM' and team is not null and owner_id is null)
        or (scope = 'PERSONAL' and team is null and owner_id is not null))
);

-- One title per set, whatever its case: "/인사" must name one reply.
create unique index quick_reply_title_in_set
    on quick_reply (center_id, scope, coalesce(team, ''), coalesce(owner_id, 0), lower(title));
