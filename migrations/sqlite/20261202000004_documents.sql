-- Who signs a school's orders: the head's name and position.
ALTER TABLE organisations ADD COLUMN head_name TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN head_position TEXT NOT NULL DEFAULT '';

-- The register of a school's and its programmes' documents (stage 1 and stage 5 of the target
-- model): which document, its number and the date it was signed.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    programme_id INTEGER REFERENCES programmes(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    signed_on TEXT NOT NULL,                  -- YYYY-MM-DD
    created_at TEXT NOT NULL
);
CREATE INDEX documents_of_programme ON documents (programme_id, kind);
