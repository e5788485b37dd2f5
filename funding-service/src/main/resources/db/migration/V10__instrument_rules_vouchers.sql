-- Instruments (资助工具): rules per instrument and fiscal year as data a program manager sets,
-- and innovation vouchers (科技创新券). Amounts in fen (bigint), CNY only.

-- Every change of a rule is a new row: the current rule is the highest version; earlier versions
-- stay (who set what, when). The primary key makes two concurrent editors of one version collide.
create table instrument_rule (
    instrument   varchar(30) not null,
    fiscal_year  int not null,
    version      bigint not null,
    rules_json   jsonb not null,
    set_by_subject varchar(200) not null,
    set_by_name  varchar(200) not null,
    set_at       timestamptz not null,
    primary key (instrument, fiscal_year, version),
    constraint instrument_rule_instrument check (instrument in ('VOUCHER','POST_SUBSIDY','INTEREST_SUBSIDY')),
    constraint instrument_rule_version check (version >= 1)
);

-- The provider register (服务机构名录): universities, institutes and service agencies where vouchers are redeemed.
create table voucher_provider (
    organisation_id    uuid primary key,
    name               varchar(300) not null,
    kind               varchar(30) not null,
    registered_by_name varchar(200) not null,
    registered_at      timestamptz not null,
    constraint voucher_provider_kind check (kind in ('UNIVERSITY','INSTITUTE','SERVICE_AGENCY'))
);

-- What each organisation was granted per instrument and fiscal year (vouchers issued, subsidies
-- claimed): the yearly cap is enforced by a conditional update of this row (one row lock per
-- organisation, instrument and year), and again by the check constraint.
create table instrument_allowance (
    instrument      varchar(30) not null,
    organisation_id uuid not null,
    fiscal_year     int not null,
    used_minor      bigint not null default 0,
    cap_minor       bigint not null,
    primary key (instrument, organisation_id, fiscal_year),
    constraint instrument_allowance_within_cap check (used_minor >= 0 and used_minor <= cap_minor)
);

create table voucher (
    id                    uuid primary key,
    enterprise_id         uuid not null,
    fiscal_year           int not null,
    program_code          varchar(64) not null,
    face_minor            bigint not null,
    share_percent         int not null,
    expires_on            date not null,
    state                 varchar(30) not null,
    pending_transfer_id   uuid not null references ledger_transfer (id),
    issued_by_subject     varchar(200) not null,
    issued_by_name        varchar(200) not null,
    issued_at             timestamptz not null,
    provider_id           uuid references voucher_provider (organisation_id),
    contract_reference    varchar(100),
    contract_price_minor  bigint,
    redeemed_minor        bigint,
    redeemed_by_subject   varchar(200),
    redeemed_by_name      varchar(200),
    redeemed_at           timestamptz,
    evidence_reference    varchar(200),
    prepared_by_subject   varchar(200),
    prepared_by_name      varchar(200),
    prepared_at           timestamptz,
    decided_by_subject    varchar(200),
    decided_by_name       varchar(200),
    decided_at            timestamptz,
    decision_reason       varchar(500),
    closed_at             timestamptz,
    version               bigint not null default 0,
    constraint voucher_face_positive check (face_minor > 0),
    constraint voucher_share check (share_percent between 1 and 100),
    constraint voucher_state check (state in ('ISSUED','REDEEMED','SETTLEMENT_PREPARED','SETTLED','EXPIRED')),
    -- a redemption never pays more than the voucher's face value
    constraint voucher_redeemed_within_face check (redeemed_minor is null or (redeemed_minor > 0 and redeemed_minor <= face_minor)),
    -- a voucher in any state after ISSUED names its provider and contract
    constraint voucher_redeemed_has_contract check (state in ('ISSUED','EXPIRED')
        or (provider_id is not null and contract_reference is not null and redeemed_minor is not null)),
    -- four eyes (四眼原则) on settlement in the database too
    constraint voucher_settlement_four_eyes check (decided_by_subject is null or decided_by_subject <> prepared_by_subject)
);
create index voucher_by_enterprise on voucher (enterprise_id, fiscal_year);
create index voucher_due_for_expiry on voucher (expires_on) where state = 'ISSUED';
-- one service contract is paid by at most one voucher
create unique index voucher_contract_once on voucher (provider_id, contract_reference) where contract_reference is not null;
