-- Spring Modulith's event publication registry (docs/adr/0015): one row per event and durable
-- listener (@ApplicationModuleListener), written in the publishing transaction, completed (and then
-- deleted: spring.modulith.events.completion-mode=delete) when the listener's own transaction
-- commits. A row that stays is an event a listener has not handled yet: it is handed to the
-- listener again after a restart, and every minute while it is FAILED (platform.EventRetries).
--
-- The exact table spring-modulith-events-jdbc 2.0.3 expects for PostgreSQL (schemas/v2/
-- schema-postgresql.sql in its jar; status, completion_attempts and last_resubmission_date are new
-- in 2.x). Created here rather than by Modulith's schema initialisation so that it is versioned with
-- the rest; a Modulith upgrade that changes it needs a migration here.
create table event_publication (
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
