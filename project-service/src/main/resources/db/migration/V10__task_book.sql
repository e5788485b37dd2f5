-- The task book (任务书) generated from an approved project: issued by the manager, accepted by the
-- lead organisation, countersigned by the manager (then the project moves from TASK_BOOK to EXECUTION).
-- The milestones themselves are the approval's rows in `milestone` (V4); this adds the KPI targets
-- each milestone must reach.
create table task_book (
    project_id       uuid primary key references project (id),
    state            varchar(20) not null
        constraint task_book_state check (state in ('ISSUED', 'ACCEPTED_BY_LEAD', 'COUNTERSIGNED')),
    issued_by        varchar(200) not null,
    issued_at        timestamptz not null,
    accepted_by      varchar(200),
    accepted_at      timestamptz,
    countersigned_by varchar(200),
    countersigned_at timestamptz,
    version          bigint not null default 0
);

-- KPI targets (考核指标) per milestone: invention patents, standards, prototypes, revenue, jobs ...
create table milestone_kpi_target (
    id           uuid primary key,
    milestone_id uuid not null references milestone (id),
    sort_order   int not null,
    name         varchar(200) not null,
    unit         varchar(50) not null,
    target       numeric(18, 2) not null constraint milestone_kpi_target_not_negative check (target >= 0),
    version      bigint not null default 0,
    constraint milestone_kpi_target_unique_name unique (milestone_id, name)
);
