-- Documents of proposals (申报材料: the call's required documents and supporting ones) and
-- evidence of milestones (佐证材料 for progress reports), checked as talent's attachments are
-- (platform.attachment). Bytes live in the database beside their metadata, written in the
-- upload's transaction, so every replica serves every document; removing a document or its owner
-- removes the bytes by the cascade.
create table proposal_document (
    id            uuid primary key,
    proposal_id   uuid not null references proposal (id) on delete cascade,
    -- which of the call's required documents this is (as the call names it); null: supporting
    requirement   varchar(200),
    filename      varchar(200) not null,
    document_type varchar(10) not null,
    size_bytes    bigint not null,
    sha256        char(64) not null,
    uploaded_by   varchar(200) not null,
    uploaded_at   timestamptz not null,
    constraint proposal_document_type check (document_type in ('PDF','DOCX','XLSX','PNG','JPEG')),
    constraint proposal_document_size check (size_bytes > 0)
);

create index proposal_document_by_proposal on proposal_document (proposal_id, uploaded_at);

create table proposal_document_content (
    attachment_id uuid primary key references proposal_document (id) on delete cascade,
    content       bytea not null
);

create table milestone_evidence (
    id            uuid primary key,
    milestone_id  uuid not null references milestone (id) on delete cascade,
    -- always null: evidence answers no requirement (the column keeps one shape for both tables)
    requirement   varchar(200),
    filename      varchar(200) not null,
    document_type varchar(10) not null,
    size_bytes    bigint not null,
    sha256        char(64) not null,
    uploaded_by   varchar(200) not null,
    uploaded_at   timestamptz not null,
    constraint milestone_evidence_type check (document_type in ('PDF','DOCX','XLSX','PNG','JPEG')),
    constraint milestone_evidence_size check (size_bytes > 0),
    constraint milestone_evidence_no_requirement check (requirement is null)
);

create index milestone_evidence_by_milestone on milestone_evidence (milestone_id, uploaded_at);

create table milestone_evidence_content (
    attachment_id uuid primary key references milestone_evidence (id) on delete cascade,
    content       bytea not null
);

-- PDFs, images and Office files are compressed already: TOAST need not try again
alter table proposal_document_content alter column content set storage external;
alter table milestone_evidence_content alter column content set storage external;
