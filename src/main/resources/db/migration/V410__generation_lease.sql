-- Which node is generating a class's documents right now (issue 19 item 4: several nodes on one
-- database). One row per class while a node runs a generation of it; the node renews expires_at
-- while it works (heartbeat) and deletes the row when done. Another node may take the class over
-- only after expires_at has passed (the node died or hung), or at once when the holder ran on the
-- same machine (host name and process namespace: host) and its process (pid) has ended, as after a
-- restart. Times are the database's clock, so the nodes' clocks need not agree. No foreign key:
-- the row lives for one generation and is checked by the node that holds it.
create table generation_lease (
    class_id   bigint       not null primary key,
    node       varchar(200) not null,
    host       varchar(300),
    pid        bigint       not null,
    claimed_at timestamp with time zone not null,
    expires_at timestamp with time zone not null
);
create index ix_generation_lease_node on generation_lease (node);
