-- Two lookups that scanned a whole growing table on every read of a class (issue 19, session 25; measured with
-- pg_stat_statements in the 30-class benchmark, where they were the largest items of PostgreSQL's CPU):
-- a document's successor ("superseded by", IssuedDocuments) is found by the version it supersedes, for every row a
-- class's documents are read with (each signing request reads them); and a class's absences by month
-- (HomeroomRecords, ClassDocumentsSource), which had no index with the class at all.
create index ix_issued_document_supersedes on issued_document (supersedes);
create index ix_absence_class_day on absence (class_id, absent_on);
