-- Issue 15 item 6: the clerk's receipt of each export package version: who downloaded it first and when,
-- and who confirmed it archived ("Đã lưu trữ") and when. One row per package version, written once per event.
create table export_package_receipt (
    class_id       bigint      not null,
    version        integer     not null,
    downloaded_by  varchar(50),
    downloaded_at  timestamp with time zone,
    archived_by    varchar(50),
    archived_at    timestamp with time zone,
    primary key (class_id, version),
    constraint fk_export_package_receipt foreign key (class_id, version) references export_package (class_id, version)
);
