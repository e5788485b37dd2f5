-- The beneficiary's name as the awarding service knew it when the award was committed, so
-- finance's queues and statements name an organisation rather than show its id. Until the
-- organisation directory has an adapter (platform's OrganisationDirectory) this is the only copy
-- funding holds; empty for awards recorded before.
alter table commitment add column recipient_organisation_name varchar(300);
create index commitment_by_recipient on commitment (recipient_organisation_id, decided_at desc);
create index tranche_by_commitment on tranche (commitment_id, sequence);
