-- Wrong logins with a username that has no account (attack 28, session 29): counted in the database, shared by
-- every node as login_throttle is for real accounts, instead of in each node's memory (with N nodes an attacker
-- got 5 × N guesses per name before "locked", while a real account's count is shared). One row per (name,
-- client address), and one row per name with address '*' for the failures from all addresses (the 20 that lock
-- the name for every address); a row counts from scratch once its last failure is LOCKOUT (15 minutes) old, and
-- such rows are deleted as new failures come.
create table unknown_login_name (
    username       varchar(100) not null,
    address        varchar(100) not null,
    failures       integer      not null default 0,
    last_failed_at timestamp with time zone not null,
    primary key (username, address)
);

create index ix_unknown_login_name_last_failed on unknown_login_name (last_failed_at);
