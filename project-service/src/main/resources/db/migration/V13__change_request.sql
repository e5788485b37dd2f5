-- Change requests (变更申请) by the lead organisation: milestone dates, budget lines between
-- categories, partners, KPI targets; approved or rejected by the manager, with before/after.
create table change_request (
    id              uuid primary key,
    project_id      uuid not null references project (id),
    kind            varchar(30) not null
        constraint change_request_kind check (kind in ('MILESTONE_DATE', 'BUDGET_REALLOCATION', 'PARTNER', 'KPI_TARGET')),
    reason          text not null,
    -- what is asked, typed per kind (ChangeRequestPayload)
    payload         jsonb not null,
    state           varchar(20) not null
        constraint change_request_state check (state in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    requested_by    varchar(200) not null,
    requested_at    timestamptz not null,
    decided_by      varchar(200),
    decided_at      timestamptz,
    decision_reason text,
    -- the changed values before and after approval (filled when applied)
    before_state    jsonb,
    after_state     jsonb,
    version         bigint not null default 0
);

create index change_request_by_project on change_request (project_id, requested_at);

-- Approved moves of budget between categories. The budget lines live with the proposal (calls and
-- proposals, V5-V9); this is the record of what was moved, to apply to those lines.
create table budget_reallocation (
    id                uuid primary key,
    project_id        uuid not null references project (id),
    change_request_id uuid not null references change_request (id),
    from_category     varchar(50) not null,
    to_category       varchar(50) not null,
    amount_fen        bigint not null constraint budget_reallocation_positive check (amount_fen > 0),
    approved_at       timestamptz not null
);
