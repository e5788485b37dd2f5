-- Proposals (申报书) of consortia on calls, their decision notices and the review outcomes
-- review-service delivered (by idempotency key). The content (consortium, KPIs, work plan, budget)
-- is one typed JSON document (ProposalContent); organisation_ids lists lead and partners so that an
-- organisation's proposals are found without reading it.
create table proposal (
    id                   uuid primary key,
    call_id              uuid not null references project_call (id),
    lead_organisation_id uuid not null,
    organisation_ids     uuid[] not null,
    status               varchar(20) not null constraint proposal_status check (status in ('DRAFT', 'SUBMITTED',
                             'WITHDRAWN', 'RETURNED', 'REJECTED', 'UNDER_REVIEW', 'REVIEWED', 'APPROVED', 'DECLINED')),
    title                varchar(300),
    content              jsonb not null,
    submitted_at         timestamptz,
    return_reasons       jsonb not null default '[]',
    correction_due_at    timestamptz,
    rejection_reason     text,
    review               jsonb,
    decision_note        text,
    project_id           uuid,
    approved_fiscal_fen  bigint,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint not null default 0,
    constraint proposal_approved check ((status = 'APPROVED') = (project_id is not null))
);

create index proposal_by_call on proposal (call_id);
create index proposal_by_organisation on proposal using gin (organisation_ids);

create table proposal_notice (
    id          uuid primary key,
    proposal_id uuid not null references proposal (id),
    status      varchar(20) not null,
    text        text not null,
    created_at  timestamptz not null
);

create index proposal_notice_by_proposal on proposal_notice (proposal_id, created_at);

create table proposal_review_outcome (
    idempotency_key varchar(100) primary key,
    proposal_id     uuid not null references proposal (id),
    result          jsonb not null,
    recorded_at     timestamptz not null default now()
);
