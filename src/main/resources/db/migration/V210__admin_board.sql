-- Admin board pages (issue 15, items 7-8): the school's district (quận/huyện, printed with the province),
-- and the previews of student imports from the national education database's export, kept in the
-- database until applied (all or nothing) or expired, like upload_preview.
alter table school add district varchar(100);

create table student_import_preview (
    id            varchar(64)  primary key,
    username      varchar(50)  not null,
    school_year_id bigint      not null references school_year (id),
    sha256        char(64)     not null,
    rows_json     text         not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null
);
create index ix_student_import_preview_expires on student_import_preview (expires_at);
