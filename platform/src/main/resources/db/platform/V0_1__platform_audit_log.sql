-- Shared by every service: the append-only audit trail (DESIGN.md, "Rules that cross services").
create table audit_log (
    id           uuid primary key,
    occurred_at  timestamptz not null,
    actor        varchar(200) not null,
    action       varchar(100) not null,
    object_type  varchar(100) not null,
    object_id    varchar(100) not null,
    before_state jsonb,
    after_state  jsonb,
    request_id   varchar(64)
);

create index audit_log_object on audit_log (object_type, object_id, occurred_at);

-- Append-only: updates and deletes are refused by the database itself, not only by the code.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_refuse_change();
