-- Names this database's audit chain in the checkpoints kept outside the database
-- (the data directory's audit-checkpoints/<chain_id>/): a random id, set by the first checkpoint.
alter table audit_head add column chain_id varchar(36);
