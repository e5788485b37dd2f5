-- Priority fields become managed reference data: an admin adds, renames or retires one.
-- A retired field is never deleted, so calls and projects filed under it keep their history.
alter table priority_field
    add column retired_at timestamptz,
    add column version    bigint not null default 0,
    add column updated_at timestamptz not null default now(),
    alter column plan_section drop not null;
