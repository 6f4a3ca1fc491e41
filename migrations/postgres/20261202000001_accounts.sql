-- A disabled account signs in nowhere; its sessions are ended when it is disabled.
ALTER TABLE users ADD COLUMN disabled BIGINT NOT NULL DEFAULT 0;

-- The one-time code that guards the first run (only its SHA-256). A server starting on a
-- database without accounts writes a new one and prints it; the first run deletes it.
CREATE TABLE setup_code (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    code_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);
