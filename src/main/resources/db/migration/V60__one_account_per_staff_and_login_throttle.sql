-- Accounts (module security), issue 13 items 5, 6 and 15.

-- 1. One staff record has at most one account. Two accounts on one staff record let the admin board
-- act as a teacher (the second account inherited the teacher's classes) and broke every lookup of
-- "the account of this teacher" (TermClose: "expected 1, actual 2"). Where duplicates exist, the
-- link stays on the account the person most plausibly owns (one without the admin board role,
-- then the oldest); the others lose the link (not the account, not their granted roles). Each
-- removed link is kept here until the application writes it to the audit log at start-up
-- (the audit chain is hashed in Java, so SQL cannot append to it).
create table account_link_repair (
    account_id      bigint not null primary key references account (id),
    staff_id        bigint not null,
    kept_account_id bigint not null
);

insert into account_link_repair (account_id, staff_id, kept_account_id)
select ranked.id, ranked.staff_id, kept.id
from (select a.id, a.staff_id,
             row_number() over (partition by a.staff_id order by
                 case when exists (select 1 from account_role r where r.account_id = a.id and r.role = 'ADMIN_BOARD')
                      then 1 else 0 end, a.id) as place
      from account a where a.staff_id is not null) ranked
join (select a.id, a.staff_id,
             row_number() over (partition by a.staff_id order by
                 case when exists (select 1 from account_role r where r.account_id = a.id and r.role = 'ADMIN_BOARD')
                      then 1 else 0 end, a.id) as place
      from account a where a.staff_id is not null) kept
  on kept.staff_id = ranked.staff_id and kept.place = 1
where ranked.place > 1;

update account set staff_id = null where id in (select account_id from account_link_repair);

alter table account add constraint account_one_per_staff unique (staff_id);

-- 2. Failed logins are throttled per (account, client address), counted atomically before the
-- password is checked, so parallel guesses cannot exceed the limit and nobody can lock a person
-- out of the addresses they use. account.failed_logins / locked_until now count failures from
-- addresses the account never logged in from (a distributed guess), failed_login_at ages them.
create table login_throttle (
    account_id      bigint       not null references account (id),
    address         varchar(100) not null,
    failures        integer      not null default 0,
    locked_until    timestamp with time zone,
    last_attempt_at timestamp with time zone,
    last_success_at timestamp with time zone,
    primary key (account_id, address)
);

alter table account add column failed_login_at timestamp with time zone;
update account set failed_logins = 0, locked_until = null;

-- 3. Tokens are revoked by account (logout, password change, disabling).
create index api_token_account on api_token (account_id);
