//! The bank of best practices: a school's published practices, read by its district.

use sqlx::Row;

use super::{optional_code, code, Conn};
use domain::models::{NewPractice, Practice};

const SELECT: &str = "SELECT x.*, o.name AS organisation, g.title AS programme_title FROM practices x
    JOIN organisations o ON o.id = x.organisation_id LEFT JOIN programmes g ON g.id = x.programme_id";

fn from_row(row: &sqlx::any::AnyRow) -> Result<Practice, sqlx::Error> {
    Ok(Practice {
        id: row.try_get("id")?,
        organisation_id: row.try_get("organisation_id")?,
        organisation: row.try_get("organisation")?,
        programme_title: row.try_get("programme_title")?,
        practice: NewPractice {
            programme_id: row.try_get("programme_id")?,
            title: row.try_get("title")?,
            form: code(row, "form")?,
            competence: optional_code(row, "competence")?,
            what_done: row.try_get("what_done")?,
            results: row.try_get("results")?,
            materials: row.try_get("materials")?,
        },
        published_by: row.try_get("published_by")?,
        published_on: row.try_get("published_on")?,
        for_forum: row.try_get::<i64, _>("for_forum")? != 0,
    })
}

/// A district's practices (every school's), newest first.
pub async fn of_district(db: impl Conn, district_id: i64) -> Result<Vec<Practice>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(&format!("{SELECT} WHERE o.district_id = $1 ORDER BY x.published_on DESC, x.id DESC")).bind(district_id).fetch_all(&mut *conn).await?;
    rows.iter().map(from_row).collect()
}

/// One school's practices, newest first.
pub async fn of_school(db: impl Conn, organisation_id: i64) -> Result<Vec<Practice>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(&format!("{SELECT} WHERE x.organisation_id = $1 ORDER BY x.published_on DESC, x.id DESC")).bind(organisation_id).fetch_all(&mut *conn).await?;
    rows.iter().map(from_row).collect()
}

/// A programme's practices.
pub async fn of_programme(db: impl Conn, programme_id: i64) -> Result<Vec<Practice>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(&format!("{SELECT} WHERE x.programme_id = $1 ORDER BY x.id")).bind(programme_id).fetch_all(&mut *conn).await?;
    rows.iter().map(from_row).collect()
}

/// The school a practice belongs to.
pub async fn organisation_of(db: impl Conn, practice_id: i64) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar("SELECT organisation_id FROM practices WHERE id = $1").bind(practice_id).fetch_one(&mut *conn).await
}

pub async fn insert(db: impl Conn, organisation_id: i64, practice: &NewPractice, published_by: &str, published_on: &str) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar(
        "INSERT INTO practices (organisation_id, programme_id, title, form, competence, what_done, results, materials, published_by, published_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(organisation_id)
    .bind(practice.programme_id)
    .bind(&practice.title)
    .bind(practice.form.code())
    .bind(practice.competence.map(|c| c.code()))
    .bind(&practice.what_done)
    .bind(&practice.results)
    .bind(&practice.materials)
    .bind(published_by)
    .bind(published_on)
    .fetch_one(&mut *conn)
    .await
}

pub async fn update(db: impl Conn, practice_id: i64, practice: &NewPractice) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query(
        "UPDATE practices SET programme_id = $1, title = $2, form = $3, competence = $4, what_done = $5, results = $6, materials = $7 WHERE id = $8",
    )
    .bind(practice.programme_id)
    .bind(&practice.title)
    .bind(practice.form.code())
    .bind(practice.competence.map(|c| c.code()))
    .bind(&practice.what_done)
    .bind(&practice.results)
    .bind(&practice.materials)
    .bind(practice_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn delete(db: impl Conn, practice_id: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("DELETE FROM practices WHERE id = $1").bind(practice_id).execute(&mut *conn).await?;
    Ok(())
}

pub async fn set_for_forum(db: impl Conn, practice_id: i64, for_forum: bool) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query("UPDATE practices SET for_forum = $1 WHERE id = $2").bind(i64::from(for_forum)).bind(practice_id).execute(&mut *conn).await?;
    Ok(())
}
