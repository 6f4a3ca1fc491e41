-- A person is stored once in the school's base and takes part in programmes with a role in
-- each: a young teacher can be a mentee in methodology and a mentor in ICT (reverse mentoring).
-- Keep in step with ../postgres/.
CREATE TABLE participations (
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
    joined_on TEXT NOT NULL,                  -- YYYY-MM-DD: people join a programme at any time
    PRIMARY KEY (participant_id, programme_id)
);
CREATE INDEX participations_of_programme ON participations (programme_id, role);

INSERT INTO participations (participant_id, programme_id, role, joined_on)
    SELECT id, programme_id, role, date('now') FROM participants WHERE programme_id IS NOT NULL;

-- The person's own role stays: the base they were entered into (наставников or наставляемых).
ALTER TABLE participants DROP COLUMN programme_id;
