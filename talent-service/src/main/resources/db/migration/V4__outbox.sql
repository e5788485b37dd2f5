-- Transactional outbox (platform's JdbcOutbox): the hand-off to review-service is written in the
-- same transaction as the formal check that causes it, and relayed with retries.
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
