-- Issue 13 item 10: a document is re-issued only when its own content changed. The fingerprint of
-- a version without the versions and hashes of the signed subject sheets it cites (only whether it
-- cites one per subject); null for versions issued before, which are compared in full as before.
alter table issued_document add column own_content_sha256 char(64);
