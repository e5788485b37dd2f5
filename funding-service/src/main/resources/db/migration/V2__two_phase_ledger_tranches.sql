-- Two-phase ledger (TigerBeetle style), tranche schedules, maker-checker and idempotency records.
-- Amounts in fen (bigint), CNY only.

-- Accounts with materialised balances; the limit is enforced by the code under a row lock and,
-- as the last line of defence, by this check constraint.
create table ledger_account (
    code             varchar(200) primary key,
    kind             varchar(30) not null,
    limit_rule       varchar(40) not null,
    debits_pending   bigint not null default 0,
    credits_pending  bigint not null default 0,
    debits_posted    bigint not null default 0,
    credits_posted   bigint not null default 0,
    version          bigint not null default 0,
    constraint ledger_account_limit_rule check (limit_rule in ('NONE','DEBITS_MUST_NOT_EXCEED_CREDITS')),
    constraint ledger_account_non_negative check (debits_pending >= 0 and credits_pending >= 0
        and debits_posted >= 0 and credits_posted >= 0),
    constraint ledger_account_within_limit check (limit_rule <> 'DEBITS_MUST_NOT_EXCEED_CREDITS'
        or debits_pending + debits_posted <= credits_posted)
);

-- Immutable transfers: a pending transfer is resolved by a later POST_PENDING or VOID_PENDING
-- transfer that names it; the unique index makes the resolution happen exactly once.
create table ledger_transfer (
    id             uuid primary key,
    kind           varchar(20) not null,
    debit_account  varchar(200) not null references ledger_account (code),
    credit_account varchar(200) not null references ledger_account (code),
    amount_minor   bigint not null,
    pending_id     uuid references ledger_transfer (id),
    reverses_id    uuid references ledger_transfer (id),
    description    varchar(300) not null,
    created_at     timestamptz not null,
    constraint ledger_transfer_kind check (kind in ('SINGLE','PENDING','POST_PENDING','VOID_PENDING')),
    constraint ledger_transfer_positive check (amount_minor > 0),
    constraint ledger_transfer_two_accounts check (debit_account <> credit_account),
    constraint ledger_transfer_resolves_pending check ((kind in ('POST_PENDING','VOID_PENDING')) = (pending_id is not null))
);
create unique index ledger_transfer_resolved_once on ledger_transfer (pending_id) where pending_id is not null;
create unique index ledger_transfer_reversed_once on ledger_transfer (reverses_id) where reverses_id is not null;

create trigger ledger_transfer_append_only before update or delete on ledger_transfer
    for each row execute function ledger_entry_refuse_change();

-- Entries now say which balance they move: phase 'pending' or 'posted'; a pending entry with
-- releases = true takes back an earlier pending amount (on post or void), so pending balances
-- can be rebuilt from entries alone.
alter table ledger_entry add column phase varchar(8) not null default 'posted';
alter table ledger_entry add column releases boolean not null default false;
alter table ledger_entry add constraint ledger_entry_phase check (phase in ('pending','posted'));

-- Budget lines move into the ledger: appropriation = posted credits of budget/<code>/<year>/appropriation.
-- Legacy accounts keep their entries and get an account row without a limit.
insert into ledger_account (code, kind, limit_rule, debits_posted, credits_posted)
select account, 'LEGACY', 'NONE', sum(debit_minor), sum(credit_minor) from ledger_entry group by account;
insert into ledger_account (code, kind, limit_rule) values ('treasury/CNY', 'TREASURY', 'NONE')
    on conflict do nothing;
insert into ledger_account (code, kind, limit_rule)
select 'budget/' || program_code || '/' || fiscal_year || '/appropriation', 'APPROPRIATION', 'DEBITS_MUST_NOT_EXCEED_CREDITS' from budget;
insert into ledger_account (code, kind, limit_rule)
select 'budget/' || program_code || '/' || fiscal_year || '/commitment', 'COMMITMENT', 'DEBITS_MUST_NOT_EXCEED_CREDITS' from budget;

-- Opening balance of each legacy budget line: one posted transfer from the treasury.
create temporary table opening on commit drop as
select gen_random_uuid() as id, program_code, fiscal_year, total_minor from budget where total_minor > 0;
insert into ledger_transfer (id, kind, debit_account, credit_account, amount_minor, description, created_at)
select id, 'SINGLE', 'treasury/CNY', 'budget/' || program_code || '/' || fiscal_year || '/appropriation',
       total_minor, 'opening appropriation (V2 migration)', now() from opening;
insert into ledger_entry (entry_id, transaction_id, account, debit_minor, credit_minor, description, posted_at, phase)
select gen_random_uuid(), id, 'treasury/CNY', total_minor, 0, 'opening appropriation (V2 migration)', now(), 'posted' from opening
union all
select gen_random_uuid(), id, 'budget/' || program_code || '/' || fiscal_year || '/appropriation', 0, total_minor,
       'opening appropriation (V2 migration)', now(), 'posted' from opening;
update ledger_account a set debits_posted = a.debits_posted + o.total from (select sum(total_minor) total from opening) o
    where a.code = 'treasury/CNY' and o.total is not null;
update ledger_account a set credits_posted = o.total_minor from opening o
    where a.code = 'budget/' || o.program_code || '/' || o.fiscal_year || '/appropriation';

alter table budget drop constraint budget_committed_within_total;
alter table budget drop column committed_minor;
alter table budget drop column total_minor;

-- A commitment is now a schedule of tranches. Legacy commitments (amount only) become one tranche
-- with a pending transfer of the whole amount, so available stays total - committed.
alter table commitment add column project_id uuid;
-- SHA-256 of the canonical request (legacy rows: null, compared field by field)
alter table commitment add column request_hash char(64);
create table tranche (
    id                  uuid primary key,
    commitment_id       uuid not null references commitment (id),
    sequence            int not null,
    milestone_id        uuid,
    amount_minor        bigint not null,
    planned_date        date not null,
    state               varchar(20) not null,
    pending_transfer_id uuid references ledger_transfer (id),
    prepared_by_subject varchar(200),
    prepared_by_name    varchar(200),
    prepared_at         timestamptz,
    decided_by_subject  varchar(200),
    decided_by_name     varchar(200),
    decided_at          timestamptz,
    decision_reason     varchar(500),
    version             bigint not null default 0,
    constraint tranche_in_schedule unique (commitment_id, sequence),
    constraint tranche_amount_positive check (amount_minor > 0),
    constraint tranche_state check (state in ('SCHEDULED','PREPARED','APPROVED','REJECTED','BATCHED','PAID','FAILED','CANCELLED')),
    -- four eyes (四眼原则) in the database too: whoever decided is not who prepared
    constraint tranche_four_eyes check (decided_by_subject is null or decided_by_subject <> prepared_by_subject)
);
create index tranche_by_state on tranche (state);
create temporary table legacy_commitment on commit drop as
select gen_random_uuid() as transfer_id, c.id, c.amount_minor, c.decided_at,
       'budget/' || c.program_code || '/' || c.fiscal_year || '/appropriation' as appropriation,
       'budget/' || c.program_code || '/' || c.fiscal_year || '/commitment' as commitment_account
from commitment c where c.state = 'COMMITTED';
insert into ledger_transfer (id, kind, debit_account, credit_account, amount_minor, description, created_at)
select transfer_id, 'PENDING', appropriation, commitment_account, amount_minor, 'award commitment (V2 migration)', decided_at
from legacy_commitment;
insert into ledger_entry (entry_id, transaction_id, account, debit_minor, credit_minor, description, posted_at, phase)
select gen_random_uuid(), transfer_id, appropriation, amount_minor, 0, 'award commitment (V2 migration)', decided_at, 'pending'
from legacy_commitment
union all
select gen_random_uuid(), transfer_id, commitment_account, 0, amount_minor, 'award commitment (V2 migration)', decided_at, 'pending'
from legacy_commitment;
update ledger_account a set debits_pending = l.total
from (select appropriation, sum(amount_minor) total from legacy_commitment group by appropriation) l where a.code = l.appropriation;
update ledger_account a set credits_pending = l.total
from (select commitment_account, sum(amount_minor) total from legacy_commitment group by commitment_account) l
where a.code = l.commitment_account;
insert into tranche (id, commitment_id, sequence, amount_minor, planned_date, state, pending_transfer_id)
select gen_random_uuid(), id, 1, amount_minor, (decided_at at time zone 'Asia/Shanghai')::date, 'SCHEDULED', transfer_id
from legacy_commitment;

-- Stripe-style idempotency: the first answer to a key is kept with a hash of what was asked.
create table idempotency_record (
    idempotency_key varchar(100) primary key,
    operation       varchar(60) not null,
    request_hash    char(64) not null,
    response_json   text not null,
    caller_subject  varchar(200) not null,
    created_at      timestamptz not null
);
