-- Contacts per queue and interval, as the ACD reported them or a planner imported them. Interval
-- starts are the center's local time: planners think in "Monday 09:30", not in UTC.
create table interval_history (
    center_id        bigint      not null,
    queue_code       varchar(30) not null,
    interval_start   timestamp   not null,
    interval_minutes smallint    not null check (interval_minutes in (15, 30, 60)),
    contacts         integer     not null check (contacts >= 0),
    handling_seconds double precision check (handling_seconds > 0),
    primary key (center_id, queue_code, interval_start)
);

-- Days the center treats as holidays (설날, 추석, center-specific days). A row without a center
-- applies to every center.
create table holiday (
    id        bigint generated always as identity primary key,
    center_id bigint,
    day       date         not null,
    name      varchar(100) not null
);
create unique index holiday_center_day on holiday (coalesce(center_id, 0), day);
