-- Talent applications (foundation: identity, ownership, status). Later migrations add calls,
-- teams, eligibility results and attachments.
create table talent_application (
    id              uuid primary key,
    call_id         uuid not null,
    organisation_id uuid not null,
    title           varchar(200) not null,
    status          varchar(20) not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint not null default 0,
    constraint talent_application_status check (status in
        ('DRAFT','SUBMITTED','WITHDRAWN','RETURNED','REJECTED','UNDER_REVIEW','RANKED','RECOMMENDED','AWARDED','DECLINED'))
);

create index talent_application_by_organisation on talent_application (organisation_id, updated_at desc);
create index talent_application_by_update on talent_application (updated_at desc);
