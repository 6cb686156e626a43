-- Same rule as on PostgreSQL, with an H2 Java trigger.
create trigger audit_entry_append_only before update, delete on audit_entry
    for each row call 'vn.hocba.audit.H2AppendOnlyTrigger';
