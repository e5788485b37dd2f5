-- Mid-term checks (中期检查) and final acceptance (验收) as rounds opened by the manager, with the
-- outcome pass / rectify within a deadline / fail and the panel's score.
create table check_round (
    id             uuid primary key,
    project_id     uuid not null references project (id),
    kind           varchar(20) not null constraint check_round_kind check (kind in ('MID_TERM', 'FINAL_ACCEPTANCE')),
    state          varchar(20) not null
        constraint check_round_state check (state in ('OPEN', 'RECTIFYING', 'PASSED', 'FAILED')),
    opened_by      varchar(200) not null,
    opened_at      timestamptz not null,
    panel_score    numeric(5, 2),
    reasons        text,
    rectify_by     date,
    decided_by     varchar(200),
    decided_at     timestamptz,
    version        bigint not null default 0,
    constraint check_round_rectify_deadline check ((state = 'RECTIFYING') = (rectify_by is not null))
);

-- one round at a time per project
create unique index check_round_one_open on check_round (project_id) where state in ('OPEN', 'RECTIFYING');

-- A failed final acceptance (or failed mid-term) marks the project for recovery of funds (资金追回):
-- this row is the domain record funding-service's recovery starts from (released = the tranches of
-- accepted milestones).
create table fund_recovery_case (
    id                  uuid primary key,
    project_id          uuid not null unique references project (id),
    check_round_id      uuid not null references check_round (id),
    reason              text not null,
    approved_fiscal_fen bigint not null,
    released_fen        bigint not null,
    opened_at           timestamptz not null,
    state               varchar(20) not null default 'OPEN' constraint fund_recovery_case_state check (state in ('OPEN'))
);
