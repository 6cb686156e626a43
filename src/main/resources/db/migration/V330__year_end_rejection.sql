-- Issue 15, item 3: the principal may send a class's year-end lists (PROPOSED) or its results after the summer
-- (SUMMER, the homeroom teacher's confirmation, now recorded) back to the homeroom teacher with a reason. The
-- decision sent back stays, marked REOPENED with who, when and why (as sign_off does for a rejected term).
alter table year_end_decision add column status varchar(10) default 'ACTIVE' not null;
alter table year_end_decision add column reopened_by varchar(50);
alter table year_end_decision add column reopened_at timestamp with time zone;
alter table year_end_decision add column reopen_reason varchar(2000);
alter table year_end_decision add constraint ck_year_end_status check (status in ('ACTIVE', 'REOPENED'));
alter table year_end_decision drop constraint ck_year_end_stage;
alter table year_end_decision add constraint ck_year_end_stage check (stage in ('PROPOSED', 'APPROVED', 'SUMMER', 'FINAL'));
