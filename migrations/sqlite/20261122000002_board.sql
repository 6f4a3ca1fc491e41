-- Pair-formation board (SQLite). Keep in step with ../postgres/.
ALTER TABLE programmes ADD COLUMN board_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE programmes ADD COLUMN weights TEXT;                     -- JSON; NULL = defaults
ALTER TABLE pair_mentees ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pair_mentees ADD COLUMN conflict_reason TEXT;           -- why a conflicting pair was kept

CREATE TABLE board_history (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,                                       -- the board version this change made
    user_name TEXT NOT NULL,
    at TEXT NOT NULL,                                               -- RFC 3339, UTC
    summary TEXT NOT NULL                                           -- what happened, in Russian
);
CREATE INDEX board_history_by_programme ON board_history(programme_id, version);
