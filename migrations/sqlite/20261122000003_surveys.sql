-- Questionnaires, waves, respondent codes, kiosks and answers (SQLite). Keep in step with ../postgres/.

-- A school's questionnaire; its content lives in versions.
CREATE TABLE questionnaires (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    title TEXT NOT NULL,
    template TEXT,                                  -- the template it started from, if any
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Immutable once answered: an edit that changes meaning makes the next version.
CREATE TABLE questionnaire_versions (
    id INTEGER PRIMARY KEY,
    questionnaire_id INTEGER NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    body TEXT NOT NULL,                             -- JSON: surveys::Definition
    created_at TEXT NOT NULL,
    UNIQUE (questionnaire_id, number)
);

-- A questionnaire given to one role of a programme at one moment.
CREATE TABLE waves (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    questionnaire_id INTEGER NOT NULL REFERENCES questionnaires(id),
    kind TEXT NOT NULL,                             -- entry | mid | exit
    role TEXT NOT NULL,                             -- mentor | mentee
    anonymous INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open',            -- open | closed
    created_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX waves_by_programme ON waves(programme_id);

-- Personal codes typed at a kiosk. A named code belongs to a participant; an anonymous code
-- (participant_id NULL) is handed out on a slip and links a person's waves without a name.
CREATE TABLE respondent_codes (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    code TEXT NOT NULL,
    participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    UNIQUE (programme_id, code),
    UNIQUE (programme_id, participant_id)
);

-- A shared tablet opened by a curator for one wave; the cookie's SHA-256 only.
CREATE TABLE kiosks (
    token_hash TEXT PRIMARY KEY,
    wave_id INTEGER NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
    opened_by INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    opened_at TEXT NOT NULL,
    expires_at INTEGER NOT NULL                     -- Unix seconds
);

-- A completed questionnaire. `respondent` is 'p<participant id>' for a named wave and
-- 'c<code id>' for an anonymous one: it links entry and exit and never holds a name.
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    client_id TEXT NOT NULL UNIQUE,                 -- made on the device: a resend is recognised
    wave_id INTEGER NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
    version_id INTEGER NOT NULL REFERENCES questionnaire_versions(id),
    respondent TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    UNIQUE (wave_id, respondent)
);

-- One row per chosen option, scale value, yes/no (1/0) or text.
CREATE TABLE answers (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    choice INTEGER,
    text TEXT
);
CREATE INDEX answers_by_submission ON answers(submission_id);
