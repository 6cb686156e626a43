-- Every saved mark rewrites its class's results document (≈ 390 KB of JSON with the engine's
-- explanations). Compressing it (the default for large text) cost PostgreSQL ≈ 2 ms of CPU per save,
-- a fifth of its share; stored out of line but uncompressed it takes ≈ 15 MB for 40 classes.
alter table class_results alter column results set storage external;
