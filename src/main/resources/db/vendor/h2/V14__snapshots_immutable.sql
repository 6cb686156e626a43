create trigger gradebook_snapshot_immutable before update, delete on gradebook_snapshot
    for each row call 'vn.hocba.audit.H2AppendOnlyTrigger';
