-- Mid-term checks and final acceptance reviewed in review-service: opening a round hands the item
-- to review through the outbox; the panel's outcome comes back as RecordCheckRoundOutcome, kept
-- here by its idempotency key so that a redelivery gets the first answer and changes nothing twice.
create table check_round_review_outcome (
    idempotency_key        varchar(100) primary key,
    check_round_id         uuid not null unique references check_round (id),
    review_item_id         varchar(100) not null,
    review_rank            int not null,
    final_score_hundredths int not null,
    passed_thresholds      boolean not null,
    confirmed_at           timestamptz,
    recorded_at            timestamptz not null
);

