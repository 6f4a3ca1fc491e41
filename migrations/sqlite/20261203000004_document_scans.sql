-- The signed scan of a registered document (PDF, JPEG or PNG, at most 5 MB), kept in the
-- database so every server process behind a balancer serves it and a backup holds it.
-- Keep in step with ../postgres/.
CREATE TABLE document_scans (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX documents_of_organisation ON documents (organisation_id, signed_on);
