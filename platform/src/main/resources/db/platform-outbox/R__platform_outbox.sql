-- The transactional outbox of platform's JdbcOutbox, owned by platform: a service that sets
-- jiangmen.outbox.enabled=true gets this location added to its Flyway locations.
--
-- A repeatable migration written idempotently, not a versioned one: Flyway merges all locations
-- into one version sequence per database, and talent (V4, V7) and review (V2, V5) already created
-- the table in their own versioned migrations. A platform version below theirs would be out of
-- order on existing databases (Flyway refuses it) and would collide with their `create table` on new
-- ones; a version above theirs would push every later service migration out of order. A repeatable
-- migration runs after the versioned ones and again whenever this file changes, so: append
-- statements that are safe to run twice (`if not exists`), never edit what existing databases rely on.

create table if not exists outbox (
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

-- Dead letters: a message its receiver refused for good is parked (never retried) and counted in
-- jiangmen.outbox.messages{state="parked"}; an operator clears parked_at to send it again.
alter table outbox add column if not exists parked_at timestamptz;

-- Leases: a relay claims a message in a short transaction and sends it with none open; only the
-- lease's owner may record the outcome, and a lease that ran out (crashed relay) frees the message.
alter table outbox add column if not exists lease_owner varchar(100);
alter table outbox add column if not exists leased_until timestamptz;

-- W3C trace context of the request that wrote the message; the relay sends inside that trace.
alter table outbox add column if not exists traceparent varchar(55);

-- What the relay scans: due messages not yet sent nor parked (same definition as talent's V7).
create index if not exists outbox_pending on outbox (next_attempt_at) where sent_at is null and parked_at is null;
