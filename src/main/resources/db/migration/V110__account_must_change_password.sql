-- Accounts (module security), issue 14 item 13: an account whose password was set by someone else
-- (created or reset by the admin board with a temporary password) must choose its own password at the
-- next login; the pages send the person to /tai-khoan/mat-khau until they do.
alter table account add column must_change_password boolean default false not null;
