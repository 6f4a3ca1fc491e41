-- A pair's year of work (stages 6 and 7): meetings, individual plans, reflection diaries, each
-- mentee's completion and the mentor's отзыв, and letters of thanks. Keep in step with ../postgres/.
-- Meetings and the diary belong to a mentor's pair in a programme — (programme_id, mentor_id) —
-- and plans and completions to a mentee in a programme, so they outlive the board's rows.

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,                       -- YYYY-MM-DD, planned or held on
    minutes INTEGER NOT NULL,
    format TEXT NOT NULL,
    topic TEXT NOT NULL,
    done TEXT NOT NULL,
    next_step TEXT NOT NULL,
    held INTEGER NOT NULL,                    -- 0 planned, 1 held
    version INTEGER NOT NULL,                 -- bumped by every change: two editors never overwrite each other
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX meetings_by_pair ON meetings (programme_id, mentor_id, date);

-- A plan exists once started; starting it twice at once makes one.
CREATE TABLE plans (
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    mentee_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    started_at TEXT NOT NULL,
    PRIMARY KEY (programme_id, mentee_id)
);

CREATE TABLE plan_rows (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL,
    mentee_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    group_code TEXT NOT NULL,                 -- a competence's code (teachers) or the goal's words (pupils)
    deficit TEXT NOT NULL,
    activities TEXT NOT NULL,
    deadline TEXT NOT NULL,
    expected TEXT NOT NULL,
    done_on TEXT,
    note TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    FOREIGN KEY (programme_id, mentee_id) REFERENCES plans (programme_id, mentee_id) ON DELETE CASCADE
);
CREATE INDEX plan_rows_by_plan ON plan_rows (programme_id, mentee_id, position);

-- Who changed a plan and how, one line per change.
CREATE TABLE plan_history (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL,
    mentee_id INTEGER NOT NULL,
    user_name TEXT NOT NULL,
    at TEXT NOT NULL,
    summary TEXT NOT NULL,
    FOREIGN KEY (programme_id, mentee_id) REFERENCES plans (programme_id, mentee_id) ON DELETE CASCADE
);

CREATE TABLE diary_entries (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    written_on TEXT NOT NULL,
    went_well TEXT NOT NULL,
    was_hard TEXT NOT NULL,
    next_steps TEXT NOT NULL,
    share_partner INTEGER NOT NULL,
    share_curator INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX diary_by_pair ON diary_entries (programme_id, mentor_id, written_on);

-- Stage 7, per mentee: the result, the decision, and the mentor's отзыв.
CREATE TABLE pair_outcomes (
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    mentee_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    decision TEXT,                            -- NULL while only the отзыв is written
    extended_to TEXT,
    reason TEXT NOT NULL,
    goals_reached TEXT NOT NULL,
    changes TEXT NOT NULL,
    recommendations TEXT NOT NULL,
    review TEXT NOT NULL,
    decided_on TEXT,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (programme_id, mentee_id)
);

-- Mentors a curator chose for a letter of thanks.
CREATE TABLE thanks (
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    chosen_on TEXT NOT NULL,
    PRIMARY KEY (programme_id, mentor_id)
);
