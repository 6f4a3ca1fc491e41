//! Counts of failed guesses, shared by every server process (`auth::Failures` is the policy).

use crate::auth::Failures;

use super::{Conn, Finish};

/// Reads the count under `key` (made empty if new) with its row locked until the transaction
/// ends, so that parallel guesses are counted one after another (PostgreSQL takes row locks with the
/// `UPDATE`; on SQLite the first write makes the transaction the only writer).
async fn lock(conn: &mut sqlx::AnyConnection, key: &str) -> Result<Failures, sqlx::Error> {
    sqlx::query("INSERT INTO throttle (key, failures, last_failure, locked_until) VALUES ($1, 0, 0, 0) ON CONFLICT (key) DO NOTHING")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    let (count, last, locked_until): (i64, i64, i64) =
        sqlx::query_as("UPDATE throttle SET key = key WHERE key = $1 RETURNING failures, last_failure, locked_until")
            .bind(key)
            .fetch_one(&mut *conn)
            .await?;
    Ok(Failures { count, last, locked_until })
}

async fn store(conn: &mut sqlx::AnyConnection, key: &str, failures: Failures) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE throttle SET failures = $2, last_failure = $3, locked_until = $4 WHERE key = $1")
        .bind(key)
        .bind(failures.count)
        .bind(failures.last)
        .bind(failures.locked_until)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Counts one guess as failed under every key, in one transaction, unless a key is locked:
/// then nothing is counted and the longest wait is returned. A guess is counted before it is
/// checked (and taken back if it was right), so a hundred guesses sent at once are counted
/// as a hundred, not let through while the first is being checked.
pub async fn count_guess(db: impl Conn, keys: &[(String, crate::auth::Limit)], now: i64) -> Result<Result<(), u64>, sqlx::Error> {
    let mut tx = db.begin().await?;
    let mut counts = Vec::with_capacity(keys.len());
    for (key, _) in keys {
        counts.push(lock(&mut tx, key).await?);
    }
    if let Some(wait) = counts.iter().filter_map(|count| count.locked(now)).max() {
        tx.commit().await?;
        return Ok(Err(wait));
    }
    for ((key, limit), count) in keys.iter().zip(counts) {
        store(&mut tx, key, count.after_failure(*limit, now)).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// The longest wait under `keys` without counting anything, in one read (for hot paths that
/// count only failures: `count_failure`).
pub async fn wait(db: impl Conn, keys: &[(String, crate::auth::Limit)], now: i64) -> Result<Option<u64>, sqlx::Error> {
    if keys.is_empty() {
        return Ok(None);
    }
    let mut conn = db.acquire().await?;
    let marks: Vec<String> = (1..=keys.len()).map(|n| format!("${n}")).collect();
    let sql = format!("SELECT CAST(COALESCE(MAX(locked_until), 0) AS BIGINT) FROM throttle WHERE key IN ({})", marks.join(", "));
    let mut query = sqlx::query_scalar::<_, i64>(&sql);
    for (key, _) in keys {
        query = query.bind(key);
    }
    let locked_until = query.fetch_one(&mut *conn).await?;
    Ok(Failures { locked_until, ..Failures::default() }.locked(now))
}

/// Counts a failure found after the fact.
pub async fn count_failure(db: impl Conn, keys: &[(String, crate::auth::Limit)], now: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    for (key, limit) in keys {
        let count = lock(&mut tx, key).await?;
        store(&mut tx, key, count.after_failure(*limit, now)).await?;
    }
    tx.commit().await
}

/// Takes back the count of a guess that was right: the account's keys start again; the
/// client's key loses just this guess (a right password from an address does not clear what
/// it guessed at other accounts).
pub async fn guess_was_right(db: impl Conn, keys: &[(String, crate::auth::Limit)]) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    for (key, limit) in keys {
        if *limit == crate::auth::PER_CLIENT {
            take_back(&mut tx, key, *limit).await?;
        } else {
            sqlx::query("DELETE FROM throttle WHERE key = $1").bind(key).execute(&mut *tx).await?;
        }
    }
    tx.commit().await
}

/// Takes back the count of a guess that turned out not to be one (refused for another reason,
/// such as a new password too short, or a right code that must not clear a guesser's count):
/// every key loses just this guess, and the lock it set, if it set one.
pub async fn not_a_guess(db: impl Conn, keys: &[(String, crate::auth::Limit)]) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    for (key, limit) in keys {
        take_back(&mut tx, key, *limit).await?;
    }
    tx.commit().await
}

/// One failure less under `key`; below the limit's free failures it locks nothing (a lock is
/// only ever set at or above them).
async fn take_back(conn: &mut sqlx::AnyConnection, key: &str, limit: crate::auth::Limit) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE throttle SET failures = failures - 1,
             locked_until = CASE WHEN failures - 1 < $2 THEN 0 ELSE locked_until END
         WHERE key = $1 AND failures > 0",
    )
    .bind(key)
    .bind(limit.free)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Forgets counts idle since before `before` that lock nothing, so the table holds only the
/// last half hour's guessers.
pub async fn forget_before(db: impl Conn, before: i64, now: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("DELETE FROM throttle WHERE last_failure < $1 AND locked_until <= $2").bind(before).bind(now).execute(&mut *conn).await?;
    Ok(())
}
