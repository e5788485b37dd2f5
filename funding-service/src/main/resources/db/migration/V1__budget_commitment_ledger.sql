-- Budgets per program and fiscal year, award commitments and the append-only double-entry ledger.
-- Amounts are in minor units (fen), never floats.
create table budget (
    id              uuid primary key,
    program_code    varchar(64) not null,
    fiscal_year     int not null,
    currency_code   char(3) not null default 'CNY',
    total_minor     bigint not null,
    committed_minor bigint not null default 0,
    version         bigint not null default 0,
    constraint budget_line unique (program_code, fiscal_year),
    constraint budget_currency check (currency_code = 'CNY'),
    constraint budget_total_non_negative check (total_minor >= 0),
    constraint budget_committed_non_negative check (committed_minor >= 0),
    -- the last line of defence: no budget goes below zero, whatever the code does
    constraint budget_committed_within_total check (committed_minor <= total_minor)
);

create table commitment (
    id                        uuid primary key,
    idempotency_key           varchar(100) not null,
    program_code              varchar(64) not null,
    fiscal_year               int not null,
    award_reference           varchar(100) not null,
    recipient_organisation_id uuid not null,
    amount_minor              bigint not null,
    currency_code             char(3) not null default 'CNY',
    state                     varchar(30) not null,
    decided_by                varchar(200) not null,
    decided_at                timestamptz not null,
    constraint commitment_idempotency_key unique (idempotency_key),
    constraint commitment_amount_positive check (amount_minor > 0),
    constraint commitment_state check (state in ('COMMITTED','REFUSED_INSUFFICIENT_BUDGET')),
    constraint commitment_budget foreign key (program_code, fiscal_year) references budget (program_code, fiscal_year)
);

create index commitment_by_budget on commitment (program_code, fiscal_year);

create table ledger_entry (
    entry_id       uuid primary key,
    transaction_id uuid not null,
    account        varchar(200) not null,
    debit_minor    bigint not null default 0,
    credit_minor   bigint not null default 0,
    description    varchar(300) not null,
    posted_at      timestamptz not null,
    constraint ledger_entry_non_negative check (debit_minor >= 0 and credit_minor >= 0),
    constraint ledger_entry_one_side check ((debit_minor = 0) <> (credit_minor = 0))
);

create index ledger_entry_by_transaction on ledger_entry (transaction_id);
create index ledger_entry_by_account on ledger_entry (account, posted_at);

-- Append-only: corrections are reversing entries; updates and deletes are refused by the database.
create function ledger_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger_entry is append-only';
end;
$$;

create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_entry_refuse_change();
