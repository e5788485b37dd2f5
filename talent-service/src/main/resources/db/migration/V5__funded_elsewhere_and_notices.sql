-- "Already funded" looks a person up across calls.
create index talent_application_person_by_key on talent_application_person (person_key);

-- Notices to host organisations, written with the decision that caused them.
create table applicant_notice (
    id                uuid primary key,
    application_id    uuid not null references talent_application (id) on delete cascade,
    organisation_id   uuid not null,
    application_title varchar(200) not null,
    status            varchar(20) not null,
    detail            text not null default '',
    at                timestamptz not null
);
create index applicant_notice_by_organisation on applicant_notice (organisation_id, at desc);
