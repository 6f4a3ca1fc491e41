-- Who changed what in accounts, schools, programmes and documents, and when. Never a
-- password or a code: a sentence saying what was done.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES districts(id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    user_name TEXT NOT NULL,                  -- kept when the account goes
    at TEXT NOT NULL,                         -- RFC 3339, UTC
    summary TEXT NOT NULL
);
CREATE INDEX audit_log_of_district ON audit_log (district_id, id);
