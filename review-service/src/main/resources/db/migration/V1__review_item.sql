-- Items under expert review (foundation: identity, owner, idempotency, state). Later migrations
-- add the expert pool, panels, assignments, conflicts, rubrics and scores.
create table review_item (
    id                uuid primary key,
    idempotency_key   varchar(100) not null,
    owning_context    varchar(20) not null,
    item_id           uuid not null,
    title             varchar(300) not null,
    field_codes       text[] not null default '{}',
    organisation_ids  uuid[] not null default '{}',
    submitted_at      timestamptz,
    state             varchar(20) not null,
    opened_by         varchar(200) not null,
    opened_at         timestamptz not null,
    version           bigint not null default 0,
    -- a retry with the same key must find the first item, never create a second one
    constraint review_item_idempotency_key unique (idempotency_key),
    constraint review_item_owning_context check (owning_context in ('TALENT','PROJECT')),
    constraint review_item_state check (state in ('AWAITING_ROUND','IN_REVIEW','CONSENSUS','RANKED'))
);

create index review_item_by_owner on review_item (owning_context, item_id);
create index review_item_by_opening on review_item (opened_at desc);
