-- Issue 20: a superseded document version whose stored files (issued PDF, signed stages) were removed when
-- their retention (hocba.storage.retention.superseded.*) ended. The issued_document row, its hashes and its
-- signatures' rows stay: what was issued, when and with which SHA-256 is never forgotten.
create table retired_document_version (
    version_id    varchar(150) primary key references issued_document (id),
    kind          varchar(30)  not null,
    superseded_at timestamp with time zone not null,
    retired_at    timestamp with time zone not null,
    rule          varchar(100) not null,
    objects       integer      not null
);
