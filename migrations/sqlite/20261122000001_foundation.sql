-- Foundation schema (SQLite). Keep in step with ../postgres/ — same tables, same columns.
CREATE TABLE districts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    teachers_total INTEGER NOT NULL DEFAULT 0,
    teachers_under_35 INTEGER NOT NULL DEFAULT 0,
    young_specialists INTEGER NOT NULL DEFAULT 0,
    organisations_total INTEGER NOT NULL DEFAULT 0,
    organisations_in_mentoring INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    name TEXT NOT NULL,
    students_total INTEGER NOT NULL DEFAULT 0,
    teachers_total INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE programmes (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    title TEXT NOT NULL,
    form TEXT NOT NULL,
    variants TEXT NOT NULL,          -- JSON array of variant codes
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL
);

CREATE TABLE programme_stages (
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    position INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'not_started',
    date TEXT,
    PRIMARY KEY (programme_id, stage)
);

CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    programme_id INTEGER REFERENCES programmes(id) ON DELETE SET NULL,
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    middle_name TEXT,
    role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
    kind TEXT NOT NULL,
    subjects TEXT NOT NULL DEFAULT '[]',      -- JSON arrays of strings
    experience_years INTEGER,
    qualification TEXT,
    grade TEXT,
    achievement TEXT,
    competences TEXT NOT NULL DEFAULT '[]',
    requests TEXT NOT NULL DEFAULT '[]',
    deficits TEXT NOT NULL DEFAULT '[]',
    capacity INTEGER,
    search_key TEXT NOT NULL,                 -- folded name, subjects, competences: the search box
    subjects_key TEXT NOT NULL,               -- folded subjects: the subject filter
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX participants_by_organisation ON participants(organisation_id, last_name);

CREATE TABLE relationships (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    other_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    UNIQUE (participant_id, other_id, kind)
);

CREATE TABLE pairs (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES participants(id),
    variant TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    fixed_on TEXT
);

CREATE TABLE pair_mentees (
    pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    mentee_id INTEGER NOT NULL REFERENCES participants(id),
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    PRIMARY KEY (pair_id, mentee_id),
    UNIQUE (programme_id, mentee_id)          -- a mentee is in one pair per programme
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    organisation_id INTEGER REFERENCES organisations(id),
    participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,              -- SHA-256 of the cookie value; the token itself is never stored
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL               -- Unix seconds
);
