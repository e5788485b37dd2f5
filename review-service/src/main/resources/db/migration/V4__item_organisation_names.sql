-- Experts see the organisations on an item by name before they declare a conflict (ids mean
-- nothing to a person); the owning service sends the names with the ids, in the same order.
alter table review_item add column organisation_names text[] not null default '{}';
