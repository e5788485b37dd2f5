-- Payment batches (支付批次): approved tranches gathered into one credit-transfer file for the bank
-- (ISO 20022 pain.001.001.09), sent, and settled line by line on the bank's status report.

-- Where a beneficiary is paid: entered by a finance officer, audited on every change; each batch
-- line keeps a copy, so a later change never alters a file that was already sent.
create table beneficiary_account (
    organisation_id  uuid primary key,
    account_name     varchar(140) not null,
    account_number   varchar(34) not null,
    bank_name        varchar(140) not null,
    -- 12-digit CNAPS code (大额支付系统行号) of the beneficiary's bank branch
    bank_code        varchar(12) not null,
    entered_by_subject varchar(200) not null,
    entered_by_name  varchar(200) not null,
    entered_at       timestamptz not null,
    version          bigint not null default 0
);

create table payment_batch (
    id                 uuid primary key,
    -- MsgId of the pain.001 file: at most 35 characters
    reference          varchar(35) not null unique,
    state              varchar(20) not null,
    line_count         int not null,
    control_sum_minor  bigint not null,
    created_by_subject varchar(200) not null,
    created_by_name    varchar(200) not null,
    created_at         timestamptz not null,
    sent_by_subject    varchar(200),
    sent_by_name       varchar(200),
    sent_at            timestamptz,
    closed_at          timestamptz,
    version            bigint not null default 0,
    constraint payment_batch_state check (state in ('CREATED','SENT','CLOSED')),
    constraint payment_batch_lines check (line_count > 0 and control_sum_minor > 0)
);
create index payment_batch_by_created on payment_batch (created_at desc, id);

create table payment_line (
    id                 uuid primary key,
    batch_id           uuid not null references payment_batch (id),
    line_number        int not null,
    tranche_id         uuid not null references tranche (id),
    organisation_id    uuid not null,
    -- EndToEndId of the credit transfer: the bank quotes it back in its status report
    end_to_end_id      varchar(35) not null unique,
    gross_minor        bigint not null,
    offset_minor       bigint not null default 0,
    amount_minor       bigint not null,
    creditor_name      varchar(140) not null,
    creditor_account   varchar(34) not null,
    creditor_bank_name varchar(140) not null,
    creditor_bank_code varchar(12) not null,
    state              varchar(20) not null,
    send_transfer_id   uuid references ledger_transfer (id),
    settle_transfer_id uuid references ledger_transfer (id),
    bank_status        varchar(4),
    bank_reason        varchar(300),
    confirmed_at       timestamptz,
    version            bigint not null default 0,
    constraint payment_line_state check (state in ('CREATED','SENT','PAID','FAILED')),
    constraint payment_line_net check (amount_minor > 0 and offset_minor >= 0 and amount_minor + offset_minor = gross_minor),
    constraint payment_line_in_batch unique (batch_id, line_number)
);
-- A tranche is in at most one batch that has not failed: never paid twice
create unique index payment_line_one_live_per_tranche on payment_line (tranche_id) where state <> 'FAILED';
create index payment_line_by_batch on payment_line (batch_id, line_number);
