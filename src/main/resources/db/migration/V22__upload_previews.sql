-- Excel upload previews waiting for the teacher's confirmation: kept in the database, not in one
-- node's memory, so a preview survives a restart and can be confirmed through any node sharing the
-- database. Each row lives 30 minutes (expires_at) and is deleted when applied or when expired.
create table upload_preview (
    id          varchar(64)  primary key,
    username    varchar(50)  not null,
    class_id    bigint       not null,
    subject_id  bigint       not null,
    term        integer      not null,
    sha256      char(64)     not null,
    applicable  boolean      not null,
    locked      boolean      not null,
    refusals    text         not null,
    changes     text         not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index ix_upload_preview_expires on upload_preview (expires_at);
