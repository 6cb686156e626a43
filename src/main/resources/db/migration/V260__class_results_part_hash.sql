-- The SHA-256 of each stored results part (class part, subject parts): a recompute whose part
-- came out the same as the stored one leaves that row alone instead of rewriting its text (issue 14:
-- the class part was rewritten on every mark save, about a quarter of the save's time). Rows stored
-- before have no hash and are rewritten once, on the class's next change.
alter table class_results add column results_sha256 varchar(64);
alter table class_results_subject add column results_sha256 varchar(64);
