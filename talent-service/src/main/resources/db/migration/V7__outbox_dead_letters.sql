-- Dead letters: a message its receiver refused for good is parked (never retried) and counted in
-- the metric jiangmen.outbox.messages{state="parked"}; an operator clears parked_at to send it again.
alter table outbox add column parked_at timestamptz;
drop index outbox_pending;
create index outbox_pending on outbox (next_attempt_at) where sent_at is null and parked_at is null;
