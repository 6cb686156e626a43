-- Every issued document version (transcript, class gradebook, result sheet, report card,
-- correction record): immutable files under the data directory (documents/), recorded here.
-- id is the version label printed on every page and in the QR code (HB-...-v2).
create table issued_document (
    id             varchar(150) primary key,
    document_id    varchar(140) not null,
    version        integer      not null,
    supersedes     varchar(150) references issued_document (id),
    class_id       bigint       not null references school_class (id),
    student_id     bigint       references student (id),
    kind           varchar(30)  not null,
    scope          varchar(10)  not null,
    sha256         char(64)     not null,
    data_sha256    char(64)     not null,
    content_sha256 char(64)     not null,
    size_bytes     bigint       not null,
    path           varchar(500) not null,
    created_at     timestamp with time zone not null,
    created_by     varchar(50)  not null,
    constraint uq_issued_document_version unique (document_id, version),
    constraint ck_issued_document_version check (version >= 1)
);
create index ix_issued_document_class on issued_document (class_id);

-- One row per class whose documents were generated: locked (select ... for update) while a
-- document of the class is issued, so that two generations cannot issue the same version.
-- A lock row of its own, because locking the class row would also block mark entry (FK checks).
create table issued_document_lock (
    class_id bigint primary key references school_class (id)
);
