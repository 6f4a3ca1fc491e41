-- Results and slides (SQLite). Keep in step with ../postgres/.

-- A programme's SWOT board, written by its curator: JSON reports::Swot.
CREATE TABLE programme_swot (
    programme_id INTEGER PRIMARY KEY REFERENCES programmes(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- A methodologist's slide deck and the data it shows, frozen when it was taken.
CREATE TABLE decks (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    title TEXT NOT NULL,
    slides TEXT NOT NULL,                -- JSON: Vec<reports::deck::Slide>
    snapshot TEXT NOT NULL,              -- JSON: reports::Snapshot
    snapshot_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX decks_by_district ON decks(district_id);
