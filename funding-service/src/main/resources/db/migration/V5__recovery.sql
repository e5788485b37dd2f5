-- Recovery demands (追回): money taken back from a beneficiary after a failed acceptance or
-- misconduct; raised by a program manager or finance officer, approved by a different finance
-- approver, settled by repayment (on the bank's confirmation) or by offset against the
-- beneficiary's next tranche. Amounts in fen.
create table recovery (
    id                    uuid primary key,
    commitment_id         uuid not null references commitment (id),
    organisation_id       uuid not null,
    reason                varchar(30) not null,
    explanation           varchar(500) not null,
    amount_minor          bigint not null,
    method                varchar(20) not null,
    state                 varchar(20) not null,
    raised_by_subject     varchar(200) not null,
    raised_by_name        varchar(200) not null,
    raised_at             timestamptz not null,
    decided_by_subject    varchar(200),
    decided_by_name       varchar(200),
    decided_at            timestamptz,
    decision_reason       varchar(500),
    settled_at            timestamptz,
    settlement_transfer_id uuid references ledger_transfer (id),
    -- an offset names the tranche whose payment it reduced
    offset_tranche_id     uuid references tranche (id),
    bank_reference        varchar(100),
    version               bigint not null default 0,
    constraint recovery_reason check (reason in ('FAILED_ACCEPTANCE','MISCONDUCT')),
    constraint recovery_method check (method in ('REPAYMENT','OFFSET')),
    constraint recovery_state check (state in ('RAISED','APPROVED','REJECTED','SETTLED')),
    constraint recovery_amount_positive check (amount_minor > 0),
    -- four eyes (四眼原则) in the database too
    constraint recovery_four_eyes check (decided_by_subject is null or decided_by_subject <> raised_by_subject)
);
create index recovery_open_offsets on recovery (organisation_id, raised_at) where state = 'APPROVED' and method = 'OFFSET';
create index recovery_by_commitment on recovery (commitment_id);
