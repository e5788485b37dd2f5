-- Projects and task-book milestones (foundation: identity, owner, milestone state). Later
-- migrations add calls, proposals, consortia, budgets, task books, progress and changes.
create table project (
    id              uuid primary key,
    title           varchar(300) not null,
    organisation_id uuid not null,
    field_code      varchar(64) references priority_field (code),
    created_at      timestamptz not null default now()
);

create index project_by_organisation on project (organisation_id);

create table milestone (
    id          uuid primary key,
    project_id  uuid not null references project (id),
    title       varchar(300) not null,
    state       varchar(20) not null,
    accepted_at timestamptz,
    version     bigint not null default 0,
    constraint milestone_state check (state in ('PLANNED','REPORTED','ACCEPTED','REJECTED')),
    -- accepted_at is set exactly when the milestone is accepted
    constraint milestone_accepted_at check ((state = 'ACCEPTED') = (accepted_at is not null))
);

create index milestone_by_project on milestone (project_id);
