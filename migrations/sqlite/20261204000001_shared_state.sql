-- What used to live in one server process's memory, kept in the database so that a restart
-- loses none of it and every process behind a balancer sees the same. Keep in step with ../postgres/.

-- The batches of an import in progress: an import is written all or nothing at its last batch,
-- whichever process receives it; a batch sent twice (a lost reply) is stored once.
CREATE TABLE import_batches (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    import_key TEXT NOT NULL,
    batch_index INTEGER NOT NULL,
    row_count INTEGER NOT NULL,
    rows_json TEXT NOT NULL,
    created_at INTEGER NOT NULL, -- unix seconds; batches of an import left unfinished expire
    PRIMARY KEY (user_id, import_key, batch_index)
);
CREATE INDEX import_batches_by_age ON import_batches (created_at);

-- An import written: the last batch sent again after a lost reply gets the same count back
-- instead of writing the rows twice.
CREATE TABLE import_results (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    import_key TEXT NOT NULL,
    imported INTEGER NOT NULL,
    finished_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, import_key)
);
CREATE INDEX import_results_by_age ON import_results (finished_at);

-- Failed guesses of passwords and codes, per account, per client address and per both.
-- The key is a SHA-256 of what is counted, so its size is fixed whatever was typed.
CREATE TABLE throttle (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure INTEGER NOT NULL, -- unix seconds; a count idle for 30 minutes is forgotten
    locked_until INTEGER NOT NULL  -- unix seconds
);
CREATE INDEX throttle_by_age ON throttle (last_failure);
