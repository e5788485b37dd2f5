-- Attachment bytes move from a folder under the working directory into the database, so every
-- replica (and every checkout on the same database) serves every document. One row per
-- attachment, written in the upload's transaction; removing the attachment or its application
-- removes the bytes by the cascade. Files of the old folder store are moved in on start
-- (AttachmentFolderImport), not here: a migration runs once, on one replica, which may not hold them.
create table talent_attachment_content (
    attachment_id uuid primary key references talent_attachment (id) on delete cascade,
    content       bytea not null
);

-- bytea values are compressed by TOAST; PDFs, images and Office files are compressed already
alter table talent_attachment_content alter column content set storage external;
