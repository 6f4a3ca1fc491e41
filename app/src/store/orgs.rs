//! Districts and their organisations.

use sqlx::Row;

use super::Conn;
use domain::access::Place;
use domain::models::{District, Organisation, OrganisationSummary};

/// Whether the database holds any district (and so anything a district owns).
pub async fn any_district(db: impl Conn) -> Result<bool, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) AS n FROM districts").fetch_one(&mut *conn).await?;
    Ok(n > 0)
}

pub async fn create_district(db: impl Conn, district: &District) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar(
        "INSERT INTO districts (name, time_zone) VALUES ($1, $2) RETURNING id",
    )
    .bind(&district.name)
    .bind(district.time_zone.code())
    .fetch_one(&mut *conn)
    .await
}

pub async fn create_organisation(db: impl Conn, org: &Organisation) -> Result<i64, sqlx::Error> {
    let mut conn = db.acquire().await?;
    sqlx::query_scalar(
        "INSERT INTO organisations (district_id, name, students_total, teachers_total, short_name, counts_on,
            teachers_under_35, young_specialists)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(org.district_id)
    .bind(&org.name)
    .bind(org.students_total)
    .bind(org.teachers_total)
    .bind(&org.short_name)
    .bind(&org.counts_on)
    .bind(org.teachers_under_35)
    .bind(org.young_specialists)
    .fetch_one(&mut *conn)
    .await
}

/// A district with its figures summed over its schools (`SUM` cast back to an integer:
/// PostgreSQL sums BIGINT as NUMERIC).
pub async fn district(db: impl Conn, id: i64) -> Result<District, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let sum = |column: &str| format!("CAST(COALESCE((SELECT SUM(o.{column}) FROM organisations o WHERE o.district_id = d.id), 0) AS BIGINT) AS {column}");
    let sql = format!(
        "SELECT d.id, d.name, d.time_zone, {}, {}, {},
            (SELECT COUNT(*) FROM organisations o WHERE o.district_id = d.id) AS organisations_total,
            (SELECT COUNT(*) FROM organisations o WHERE o.district_id = d.id AND EXISTS (
                SELECT 1 FROM programmes g WHERE g.organisation_id = o.id AND g.archived_on IS NULL)) AS organisations_in_mentoring
         FROM districts d WHERE d.id = $1",
        sum("teachers_total"),
        sum("teachers_under_35"),
        sum("young_specialists"),
    );
    let row = sqlx::query(&sql).bind(id).fetch_one(&mut *conn).await?;
    Ok(District {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        teachers_total: row.try_get("teachers_total")?,
        teachers_under_35: row.try_get("teachers_under_35")?,
        young_specialists: row.try_get("young_specialists")?,
        organisations_total: row.try_get("organisations_total")?,
        organisations_in_mentoring: row.try_get("organisations_in_mentoring")?,
        time_zone: super::code(&row, "time_zone")?,
    })
}

/// The place (district and school) of an organisation, for access checks.
pub async fn place(db: impl Conn, organisation_id: i64) -> Result<Place, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query("SELECT district_id FROM organisations WHERE id = $1")
        .bind(organisation_id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(Place { district_id: row.try_get("district_id")?, organisation_id })
}

pub async fn organisation(db: impl Conn, id: i64) -> Result<Organisation, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let row = sqlx::query("SELECT * FROM organisations WHERE id = $1").bind(id).fetch_one(&mut *conn).await?;
    organisation_from_row(&row)
}

fn organisation_from_row(row: &sqlx::any::AnyRow) -> Result<Organisation, sqlx::Error> {
    Ok(Organisation {
        id: row.try_get("id")?,
        district_id: row.try_get("district_id")?,
        name: row.try_get("name")?,
        students_total: row.try_get("students_total")?,
        teachers_total: row.try_get("teachers_total")?,
        short_name: row.try_get("short_name")?,
        counts_on: row.try_get("counts_on")?,
        teachers_under_35: row.try_get("teachers_under_35")?,
        young_specialists: row.try_get("young_specialists")?,
    })
}

/// Replaces a school's name, short name and counts.
pub async fn update_organisation(db: impl Conn, id: i64, school: &domain::models::SchoolData) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let done = sqlx::query(
        "UPDATE organisations SET name = $1, short_name = $2, students_total = $3, teachers_total = $4, counts_on = $5,
            teachers_under_35 = $6, young_specialists = $7
         WHERE id = $8",
    )
    .bind(&school.name)
    .bind(&school.short_name)
    .bind(school.students_total)
    .bind(school.teachers_total)
    .bind(&school.counts_on)
    .bind(school.teachers_under_35)
    .bind(school.young_specialists)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(sqlx::Error::RowNotFound);
    }
    Ok(())
}

/// Every organisation of a district with its counts of mentors, mentees and programmes.
pub async fn summaries(db: impl Conn, district_id: i64) -> Result<Vec<OrganisationSummary>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let rows = sqlx::query(
        "SELECT o.id, o.district_id, o.name, o.students_total, o.teachers_total, o.short_name, o.counts_on,
            o.teachers_under_35, o.young_specialists,
            (SELECT COUNT(*) FROM participants p WHERE p.organisation_id = o.id AND p.role = 'mentor') AS mentors,
            (SELECT COUNT(*) FROM participants p WHERE p.organisation_id = o.id AND p.role = 'mentee') AS mentees,
            (SELECT COUNT(*) FROM programmes g WHERE g.organisation_id = o.id) AS programmes
         FROM organisations o WHERE o.district_id = $1 ORDER BY o.name",
    )
    .bind(district_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(OrganisationSummary {
                organisation: organisation_from_row(row)?,
                mentors: row.try_get("mentors")?,
                mentees: row.try_get("mentees")?,
                programmes: row.try_get("programmes")?,
            })
        })
        .collect()
}
