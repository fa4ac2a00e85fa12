-- Skills an agent is routed by, each held at a level from 1 (learning) to 10 (expert).
-- agent_id is an identity account id: modules share ids, never foreign keys or joins.
create table skill (
    id      bigint generated always as identity primary key,
    code    varchar(30) not null unique,
    name_ko varchar(50) not null,
    name_en varchar(50) not null
);

create table agent_skill (
    agent_id bigint   not null,
    skill_id bigint   not null references skill (id),
    level    smallint not null check (level between 1 and 10),
    primary key (agent_id, skill_id)
);
create index agent_skill_skill on agent_skill (skill_id);
