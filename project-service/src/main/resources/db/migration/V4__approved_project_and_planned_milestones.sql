-- The approval (立项) that turns a reviewed proposal into a project, and milestones as the task book
-- (任务书) plans them. Written once for both halves of project-service: proposals (V5-V9: calls,
-- proposals, consortia, budgets, review, approval) and execution (V10-V19: task book, progress
-- reports, acceptance, changes, mid-term and final acceptance). Every new column is nullable or has
-- a default, so a project inserted with the foundation's columns stays valid.
alter table project
    add column proposal_id         uuid unique,
    add column call_id             uuid,
    add column approved_fiscal_fen bigint constraint project_approved_fiscal_positive check (approved_fiscal_fen > 0),
    add column approved_at         timestamptz,
    add column stage               varchar(20) not null default 'EXECUTION'
        constraint project_stage check (stage in ('TASK_BOOK', 'EXECUTION', 'MID_TERM', 'FINAL_ACCEPTANCE',
                                                  'ACCEPTED', 'FAILED')),
    add column version             bigint not null default 0;

alter table milestone
    add column sequence     int    not null default 0,
    add column due_date     date,
    add column deliverables text   not null default '',
    -- the fiscal tranche (分期拨付) this milestone's acceptance releases, in fen; the tranches of a
    -- project add up to its approved fiscal amount
    add column tranche_fen  bigint not null default 0 constraint milestone_tranche_not_negative check (tranche_fen >= 0);

create index milestone_by_due_date on milestone (due_date) where state <> 'ACCEPTED';
