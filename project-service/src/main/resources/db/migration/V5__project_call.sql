-- Calls (申报指南) for major projects: one priority field and year, topics, the funding ceiling per
-- project, the highest fiscal share of a project's budget, required documents, guideline text and
-- opening/closing times judged by the server clock. draft -> published -> closed.
create table project_call (
    id                       uuid primary key,
    field_code               varchar(64) not null references priority_field (code),
    year                     int not null constraint project_call_year check (year between 2015 and 2100),
    title                    varchar(300) not null,
    -- [{"code","title","requiresResearchPartner"}]
    topics                   jsonb not null,
    ceiling_fen              bigint not null constraint project_call_ceiling_positive check (ceiling_fen > 0),
    max_fiscal_share_percent int not null constraint project_call_share check (max_fiscal_share_percent between 1 and 100),
    required_documents       jsonb not null default '[]',
    guideline                text not null,
    opens_at                 timestamptz not null,
    closes_at                timestamptz not null,
    status                   varchar(20) not null constraint project_call_status check (status in ('DRAFT', 'PUBLISHED', 'CLOSED')),
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    version                  bigint not null default 0,
    constraint project_call_window check (closes_at > opens_at)
);

create index project_call_by_field on project_call (field_code, year);
