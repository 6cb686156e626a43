-- On PostgreSQL this version stores class_results_subject.results uncompressed (CPU per save); H2 has
-- no such setting, so only the table's purpose is recorded.
comment on table class_results_subject is 'Each subject''s part of the computed results of a class';
