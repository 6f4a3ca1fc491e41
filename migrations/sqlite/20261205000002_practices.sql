-- The bank of best practices (SQLite). Keep in step with ../postgres/.
CREATE TABLE practices (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    programme_id INTEGER REFERENCES programmes(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    form TEXT NOT NULL,
    competence TEXT,
    what_done TEXT NOT NULL,
    results TEXT NOT NULL,
    materials TEXT NOT NULL,
    published_by TEXT NOT NULL,
    published_on TEXT NOT NULL,
    for_forum INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX practices_by_organisation ON practices (organisation_id);
