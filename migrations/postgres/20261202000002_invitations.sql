-- A new or reset account gets a one-time invitation code instead of a password; its owner
-- chooses the password at the first entry. Only the code's SHA-256 is kept; one per account.
CREATE TABLE invitations (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    expires_at BIGINT NOT NULL,               -- Unix seconds
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);

-- A participant has at most one account.
CREATE UNIQUE INDEX users_one_per_participant ON users (participant_id) WHERE participant_id IS NOT NULL;
