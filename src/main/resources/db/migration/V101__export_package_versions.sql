-- Issue 13 item 9: every export package of a class is kept as a version of its own
-- (data-dir/exports/<year>/<class>-v<N>.zip). A new version is built when any document in it was
-- superseded or newly signed (content_key: SHA-256 over the ids and file hashes it holds); the
-- versions before it are then marked outdated (outdated_at), never deleted.
create table export_package (
    class_id    bigint       not null references school_class (id),
    version     integer      not null,
    content_key char(64)     not null,
    file_name   varchar(200) not null,
    sha256      char(64)     not null,
    size_bytes  bigint       not null,
    documents   integer      not null,
    created_at  timestamp with time zone not null,
    outdated_at timestamp with time zone,
    primary key (class_id, version)
);
