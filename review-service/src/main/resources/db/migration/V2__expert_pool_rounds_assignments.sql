-- Expert pool, review rounds, conflicts, assignments with individual reviews, consensus, reminders
-- and the outbox towards the owning services.

alter table review_item add column leader_person_key varchar(128);
alter table review_item add column member_person_keys text[] not null default '{}';

-- An expert is a Keycloak user (subject); profile data is kept here.
create table expert (
    subject       varchar(64) primary key,
    username      varchar(200) not null,
    display_name  varchar(200) not null,
    email         varchar(320) not null default '',
    person_key    varchar(128) not null,
    field_codes   text[] not null default '{}',
    -- affiliations, co_applications and relationships as JSON arrays (read with the profile, never queried alone)
    affiliations     jsonb not null default '[]',
    co_applications  jsonb not null default '[]',
    relationships    jsonb not null default '[]',
    updated_by    varchar(200) not null,
    updated_at    timestamptz not null,
    version       bigint not null default 0,
    constraint expert_username unique (username)
);

create table review_round (
    id                    uuid primary key,
    name                  varchar(200) not null,
    owning_context        varchar(20) not null,
    rubric                jsonb not null,
    blind                 boolean not null,
    deadline              timestamptz not null,
    reviewers_per_item    int not null check (reviewers_per_item between 1 and 20),
    max_items_per_expert  int not null check (max_items_per_expert between 1 and 1000),
    disagreement_limit    numeric(6,2) not null,
    state                 varchar(20) not null check (state in ('OPEN','CONFIRMED')),
    opened_by             varchar(200) not null,
    opened_at             timestamptz not null,
    confirmed_by          varchar(200),
    confirmed_at          timestamptz,
    version               bigint not null default 0
);

-- Items of a round, with the rapporteur who writes the consensus report.
create table round_item (
    round_id     uuid not null references review_round (id),
    item_id      uuid not null references review_item (id),
    rapporteur   varchar(64) references expert (subject),
    primary key (round_id, item_id),
    -- an item is reviewed in one round at a time
    constraint round_item_once unique (item_id)
);

create table conflict (
    id           uuid primary key,
    round_id     uuid not null references review_round (id),
    item_id      uuid not null references review_item (id),
    expert       varchar(64) not null references expert (subject),
    reason       varchar(30) not null check (reason in ('ORGANISATION','TEAM_MEMBER','CO_APPLIED_WITH_LEADER','DECLARED','MANUAL')),
    detail       varchar(500) not null,
    recorded_by  varchar(200) not null,
    recorded_at  timestamptz not null,
    constraint conflict_once unique (item_id, expert, reason, detail)
);
create index conflict_by_round on conflict (round_id);

create table assignment (
    id               uuid primary key,
    round_id         uuid not null references review_round (id),
    item_id          uuid not null references review_item (id),
    expert           varchar(64) not null references expert (subject),
    source           varchar(20) not null check (source in ('AUTOMATIC','MANUAL')),
    assigned_by      varchar(200) not null,
    assigned_at      timestamptz not null,
    declaration      varchar(20) not null check (declaration in ('PENDING','NO_CONFLICT','CONFLICT')),
    declared_at      timestamptz,
    sheet_status     varchar(20) not null check (sheet_status in ('NOT_STARTED','DRAFT','SUBMITTED')),
    scores           jsonb not null default '{}',
    comments         jsonb not null default '{}',
    overall_comment  text not null default '',
    submitted_at     timestamptz,
    version          bigint not null default 0,
    constraint assignment_once unique (item_id, expert)
);
create index assignment_by_expert on assignment (expert);
create index assignment_by_round on assignment (round_id);

create table consensus (
    item_id            uuid primary key references review_item (id),
    round_id           uuid not null references review_round (id),
    rapporteur         varchar(64) not null references expert (subject),
    final_scores       jsonb not null,
    report             text not null,
    final_hundredths   int not null,
    failed_thresholds  text[] not null default '{}',
    written_at         timestamptz not null,
    version            bigint not null default 0
);

-- One reminder per expert and round, whatever how often the job runs.
create table reminder (
    expert     varchar(64) not null references expert (subject),
    round_id   uuid not null references review_round (id),
    pending    int not null,
    sent_at    timestamptz not null,
    emailed    boolean not null,
    dismissed  boolean not null default false,
    primary key (expert, round_id)
);

-- Transactional outbox: written with the state change, relayed by a scheduled job.
create table outbox (
    id               uuid primary key,
    destination      varchar(40) not null,
    idempotency_key  varchar(100) not null unique,
    payload          jsonb not null,
    created_at       timestamptz not null,
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null,
    sent_at          timestamptz,
    last_error       varchar(1000)
);
create index outbox_pending on outbox (next_attempt_at) where sent_at is null;
