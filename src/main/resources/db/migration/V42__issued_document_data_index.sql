-- Verifying an uploaded PDF finds the issued version by the SHA-256 of its embedded data XML
-- (exchange.DocumentVerification): an index instead of a scan of every issued document.
create index ix_issued_document_data on issued_document (data_sha256);
