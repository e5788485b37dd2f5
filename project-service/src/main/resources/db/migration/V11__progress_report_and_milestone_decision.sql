-- Progress reports (进度报告) per milestone with their evidence, and the manager's decisions on
-- reported milestones (accept / return with reasons). Both are append-only histories.
create table progress_report (
    id           uuid primary key,
    project_id   uuid not null references project (id),
    milestone_id uuid not null references milestone (id),
    submitted_by varchar(200) not null,
    submitted_at timestamptz not null,
    summary      text not null,
    -- [{"kpiTargetId": uuid, "name": text, "unit": text, "reached": "12.50"}]
    kpi_values   jsonb not null default '[]',
    -- [{"name": text, "sha256": hex}]: names and checksums of the evidence documents (the files
    -- themselves are not uploaded here yet)
    documents    jsonb not null default '[]'
);

create index progress_report_by_milestone on progress_report (milestone_id, submitted_at);

create table milestone_decision (
    id           uuid primary key,
    project_id   uuid not null references project (id),
    milestone_id uuid not null references milestone (id),
    decision     varchar(20) not null constraint milestone_decision_kind check (decision in ('ACCEPTED', 'RETURNED')),
    reasons      text not null default '',
    decided_by   varchar(200) not null,
    decided_at   timestamptz not null
);

create index milestone_decision_by_milestone on milestone_decision (milestone_id, decided_at);
