-- The colours of a center's board and wallboard: each center sets when a figure is a warning and
-- when an alert. A center without a row uses the defaults in BoardThresholds.
create table board_threshold (
    center_id              bigint      primary key,
    service_level_warn     integer     not null,
    service_level_alert    integer     not null,
    longest_wait_warn      integer     not null,
    longest_wait_alert     integer     not null,
    waiting_warn           integer     not null,
    waiting_alert          integer     not null,
    changed_by             varchar(64) not null,
    changed_at             timestamptz not null
);

-- A supervisor acknowledged a protection alert: alerts of this kind for this conversation raised
-- up to up_to leave every board of the center; a later alert of the same chat shows again.
create table alert_acknowledgement (
    center_id        bigint      not null,
    conversation     varchar(64) not null,
    reason           varchar(20) not null,
    up_to            timestamptz not null,
    acknowledged_by  varchar(64) not null,
    acknowledged_at  timestamptz not null,
    primary key (center_id, conversation, reason)
);
