-- Attachment metadata; the bytes are files named by id in the configured directory (outside any
-- web root). The checksum lets anyone verify a download against what was uploaded.
create table talent_attachment (
    id             uuid primary key,
    application_id uuid not null references talent_application (id) on delete cascade,
    kind           varchar(20) not null,
    filename       varchar(200) not null,
    document_type  varchar(10) not null,
    size_bytes     bigint not null,
    sha256         char(64) not null,
    uploaded_by    varchar(200) not null,
    uploaded_at    timestamptz not null,
    constraint talent_attachment_kind check (kind in ('PROPOSAL','CV','CONTRACT','OTHER')),
    constraint talent_attachment_type check (document_type in ('PDF','DOCX','XLSX','PNG','JPEG')),
    constraint talent_attachment_size check (size_bytes > 0)
);

create index talent_attachment_by_application on talent_attachment (application_id, uploaded_at);
