-- One row per signature stage applied to an issued document in the signed store
-- (data-dir/signed/<class>/<document version>/<stage>.pdf): who signed, the signed file's hash.
-- Written as each document of a batch is done, so a crashed batch shows its progress and resumes.
create table document_signature (
    document_id varchar(150) not null references issued_document (id),
    stage       varchar(20)  not null,
    class_id    bigint       not null references school_class (id),
    signer      varchar(200) not null,
    sha256      char(64)     not null,
    signed_at   timestamp with time zone not null,
    primary key (document_id, stage)
);
create index ix_document_signature_class on document_signature (class_id, stage);
