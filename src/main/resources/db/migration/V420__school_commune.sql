-- The school's commune (xã/phường/đặc khu, issue 17 item 6): since 1 July 2025 local government has two levels,
-- province and commune, and the transcript's cover of a year from 2025-2026 on names the commune instead of the
-- district (quận/huyện, V210), which stays for the covers of earlier years.
alter table school add commune varchar(100);
