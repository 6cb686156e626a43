-- The application's database role cannot change or remove audit entries (TT22 records must be
-- traceable, seed 000 §V.4). Only the table owner disabling this trigger could, and the hash chain
-- would then show it (java -jar hocba.jar audit verify).
create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op;
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();
