-- What the deadline watch found: a milestone due within 30 days or overdue, once per milestone,
-- kind and due date (a changed due date is noticed again). Each run is recorded too; runs take a
-- PostgreSQL advisory lock, so one replica at a time scans.
create table milestone_deadline_notice (
    id           uuid primary key,
    project_id   uuid not null references project (id),
    milestone_id uuid not null references milestone (id),
    kind         varchar(20) not null constraint milestone_deadline_notice_kind check (kind in ('DUE_SOON', 'OVERDUE')),
    due_date     date not null,
    noticed_on   date not null,
    noticed_at   timestamptz not null,
    constraint milestone_deadline_notice_once unique (milestone_id, kind, due_date)
);

create table deadline_scan (
    id            uuid primary key,
    ran_at        timestamptz not null,
    today         date not null,
    due_soon_new  int not null,
    overdue_new   int not null
);
