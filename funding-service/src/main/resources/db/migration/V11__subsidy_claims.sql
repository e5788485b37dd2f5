-- Subsidy claims: post-subsidies (后补助) for newly recognised R&D institutions and incubators, and
-- loan interest subsidies (贷款贴息). Amounts in fen (bigint), CNY only. The evidence is a typed
-- JSON record per instrument (PostSubsidyEvidence, InterestSubsidyEvidence).
create table subsidy_claim (
    id                    uuid primary key,
    instrument            varchar(30) not null,
    organisation_id       uuid not null,
    fiscal_year           int not null,
    program_code          varchar(64) not null,
    amount_minor          bigint not null,
    state                 varchar(20) not null,
    pending_transfer_id   uuid references ledger_transfer (id),
    post_subsidy_json     jsonb,
    interest_subsidy_json jsonb,
    -- the recognition document or loan contract, so one piece of evidence is claimed once
    evidence_reference    varchar(200) not null,
    submitted_by_subject  varchar(200) not null,
    submitted_by_name     varchar(200) not null,
    submitted_at          timestamptz not null,
    reviewed_by_subject   varchar(200),
    reviewed_by_name      varchar(200),
    reviewed_at           timestamptz,
    review_reason         varchar(500),
    prepared_by_subject   varchar(200),
    prepared_by_name      varchar(200),
    prepared_at           timestamptz,
    decided_by_subject    varchar(200),
    decided_by_name       varchar(200),
    decided_at            timestamptz,
    decision_reason       varchar(500),
    version               bigint not null default 0,
    constraint subsidy_claim_instrument check (instrument in ('POST_SUBSIDY','INTEREST_SUBSIDY')),
    constraint subsidy_claim_amount_positive check (amount_minor > 0),
    constraint subsidy_claim_state check (state in ('SUBMITTED','REVIEWED','PAYMENT_PREPARED','APPROVED','REFUSED')),
    constraint subsidy_claim_evidence check ((instrument = 'POST_SUBSIDY') = (post_subsidy_json is not null)
        and (instrument = 'INTEREST_SUBSIDY') = (interest_subsidy_json is not null)),
    constraint subsidy_claim_committed check (state in ('SUBMITTED','REFUSED') or pending_transfer_id is not null),
    -- four eyes (四眼原则) on payment in the database too
    constraint subsidy_claim_four_eyes check (decided_by_subject is null or decided_by_subject <> prepared_by_subject)
);
-- a recognition document or loan contract is claimed once per organisation and year (a refused claim frees it)
create unique index subsidy_claim_evidence_once on subsidy_claim (instrument, organisation_id, fiscal_year, evidence_reference)
    where state <> 'REFUSED';
create index subsidy_claim_by_organisation on subsidy_claim (organisation_id, instrument, submitted_at);
