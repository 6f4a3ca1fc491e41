-- A programme's passport (problems, goal, tasks, expected results, mode) as JSON, and the
-- history of its period: extended or shortened by agreement, each time with its reason.
-- Keep in step with ../postgres/.
ALTER TABLE programmes ADD COLUMN passport TEXT;                  -- JSON; NULL = not written yet

CREATE TABLE programme_period_changes (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    old_starts_on TEXT NOT NULL,
    old_ends_on TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    reason TEXT NOT NULL,
    user_name TEXT NOT NULL,
    at TEXT NOT NULL                                              -- RFC 3339, UTC
);
CREATE INDEX programme_period_changes_of_programme ON programme_period_changes (programme_id, id);
