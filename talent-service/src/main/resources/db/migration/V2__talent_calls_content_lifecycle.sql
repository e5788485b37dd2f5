-- Calls (rounds) with their categories and eligibility rules as data, the application's content
-- (host organisation, team), lifecycle details, people for the duplicate check, and the keys of
-- review outcomes already recorded (idempotency).
create table talent_call (
    id              uuid primary key,
    title           varchar(200) not null,
    -- {"TEAM_RND_INDUSTRIALISATION": {"maxLeaderAge": 55, "minTeamSize": 5, ...}, ...}
    categories      jsonb not null,
    priority_fields text[] not null,
    opens_at        timestamptz not null,
    closes_at       timestamptz not null,
    status          varchar(10) not null,
    created_at      timestamptz not null,
    version         bigint not null default 0,
    constraint talent_call_status check (status in ('DRAFT','OPEN')),
    constraint talent_call_closes_after_opening check (closes_at > opens_at)
);

create index talent_call_by_closing on talent_call (closes_at desc);

alter table talent_application
    add column category                 varchar(40),
    add column priority_field           varchar(100),
    add column summary                  varchar(4000),
    add column host_name                varchar(200),
    add column host_credit_code         varchar(18),
    add column host_kind                varchar(20),
    -- team members (no identity document numbers: only their SHA-256)
    add column team                     jsonb not null default '[]',
    add column submitted_at             timestamptz,
    add column return_reasons           jsonb not null default '[]',
    add column correction_due_at        timestamptz,
    add column decision_note            varchar(1000),
    add column review_item_id           uuid,
    add column review_rank              integer,
    add column review_score_hundredths  integer,
    add column review_passed_thresholds boolean,
    add column review_confirmed_at      timestamptz;

create index talent_application_by_call on talent_application (call_id, status);

-- One row per recognisable person per application: the same key twice in one call is flagged.
create table talent_application_person (
    application_id uuid not null references talent_application (id) on delete cascade,
    call_id        uuid not null,
    person_key     varchar(300) not null,
    person_name    varchar(100) not null,
    primary key (application_id, person_key)
);

create index talent_application_person_by_call on talent_application_person (call_id, person_key);

-- RecordReviewOutcome is idempotent by key: a retry finds its first answer here.
create table talent_review_outcome (
    idempotency_key        varchar(100) primary key,
    application_id         uuid not null references talent_application (id) on delete cascade,
    review_item_id         uuid not null,
    review_rank            integer not null,
    final_score_hundredths integer not null,
    passed_thresholds      boolean not null,
    confirmed_at           timestamptz not null,
    resulting_status       varchar(20),
    recorded_by            varchar(200) not null,
    recorded_at            timestamptz not null
);
