create function gradebook_snapshot_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'gradebook_snapshot is immutable: % refused', tg_op;
end;
$$;

create trigger gradebook_snapshot_immutable before update or delete on gradebook_snapshot
    for each row execute function gradebook_snapshot_refuse_change();
