-- On PostgreSQL this version stores class_results.results uncompressed (CPU per save); H2 has no such
-- setting, so only the table's purpose is recorded.
comment on table class_results is 'Computed results of each class, rewritten by every change to its gradebook';
