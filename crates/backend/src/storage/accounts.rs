//! Staff accounts and their sessions (only a session token's SHA-256 is kept).

use async_trait::async_trait;
use rusqlite::params;

use super::row::Row;
use super::{postgres, sqlite, PgStorage, SqliteStorage};

/// A member of staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRow {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub admin: bool,
    pub department: Option<String>,
}

/// What a session cookie stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub staff: StaffRow,
    pub csrf: String,
    pub expires_at: i64,
}

const STAFF_COLUMNS: &str = "id, username, password_hash, admin, department";

fn staff_row(r: &dyn Row) -> anyhow::Result<StaffRow> {
    Ok(StaffRow {
        id: r.int(0)?,
        username: r.text(1)?,
        password_hash: r.text(2)?,
        admin: r.flag(3)?,
        department: r.opt_text(4)?,
    })
}

/// A session: the account's columns as [`STAFF_COLUMNS`] orders them, then the session's.
const SESSION_QUERY: &str = "SELECT st.id, st.username, st.password_hash, st.admin,
    st.department, s.csrf, s.expires_at
    FROM sessions s JOIN staff st ON st.id = s.staff_id";

fn session_row(r: &dyn Row) -> anyhow::Result<SessionRow> {
    Ok(SessionRow {
        staff: staff_row(r)?,
        csrf: r.text(5)?,
        expires_at: r.int(6)?,
    })
}

#[async_trait]
pub trait StaffAccounts: Send + Sync {
    /// Adds a member of staff; false if the name is taken.
    async fn add_staff(
        &self,
        username: &str,
        password_hash: &str,
        admin: bool,
        department: Option<&str>,
    ) -> anyhow::Result<bool>;

    async fn staff(&self, username: &str) -> anyhow::Result<Option<StaffRow>>;

    /// Opens a session: `token_hash` is the SHA-256 of the cookie's secret.
    async fn open_session(
        &self,
        token_hash: &str,
        staff: i64,
        csrf: &str,
        expires_at: i64,
    ) -> anyhow::Result<()>;

    /// The unexpired session for `token_hash` at `now`.
    async fn session(&self, token_hash: &str, now: i64) -> anyhow::Result<Option<SessionRow>>;

    async fn close_session(&self, token_hash: &str) -> anyhow::Result<()>;
}

#[async_trait]
impl StaffAccounts for SqliteStorage {
    async fn add_staff(
        &self,
        username: &str,
        password_hash: &str,
        admin: bool,
        department: Option<&str>,
    ) -> anyhow::Result<bool> {
        let (u, h, d) = (
            username.to_owned(),
            password_hash.to_owned(),
            department.map(str::to_owned),
        );
        self.with(move |c| {
            let n = c.execute(
                "INSERT INTO staff (username, password_hash, admin, department)
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                params![u, h, admin, d],
            )?;
            Ok(n == 1)
        })
        .await
    }

    async fn staff(&self, username: &str) -> anyhow::Result<Option<StaffRow>> {
        let u = username.to_owned();
        self.with(move |c| {
            sqlite::first(
                c,
                &format!("SELECT {STAFF_COLUMNS} FROM staff WHERE username = ?1"),
                [u],
                staff_row,
            )
        })
        .await
    }

    async fn open_session(
        &self,
        token_hash: &str,
        staff: i64,
        csrf: &str,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        let (t, x) = (token_hash.to_owned(), csrf.to_owned());
        self.with(move |c| {
            c.execute(
                "INSERT INTO sessions (token_hash, staff_id, csrf, expires_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![t, staff, x, expires_at],
            )?;
            Ok(())
        })
        .await
    }

    async fn session(&self, token_hash: &str, now: i64) -> anyhow::Result<Option<SessionRow>> {
        let t = token_hash.to_owned();
        self.with(move |c| {
            sqlite::first(
                c,
                &format!("{SESSION_QUERY} WHERE s.token_hash = ?1 AND s.expires_at > ?2"),
                params![t, now],
                session_row,
            )
        })
        .await
    }

    async fn close_session(&self, token_hash: &str) -> anyhow::Result<()> {
        let t = token_hash.to_owned();
        self.with(move |c| {
            c.execute("DELETE FROM sessions WHERE token_hash = ?1", [t])?;
            Ok(())
        })
        .await
    }
}

#[async_trait]
impl StaffAccounts for PgStorage {
    async fn add_staff(
        &self,
        username: &str,
        password_hash: &str,
        admin: bool,
        department: Option<&str>,
    ) -> anyhow::Result<bool> {
        let n = self
            .client()
            .await?
            .execute(
                "INSERT INTO staff (username, password_hash, admin, department)
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                &[&username, &password_hash, &admin, &department],
            )
            .await?;
        Ok(n == 1)
    }

    async fn staff(&self, username: &str) -> anyhow::Result<Option<StaffRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                &format!("SELECT {STAFF_COLUMNS} FROM staff WHERE username = $1"),
                &[&username],
            )
            .await?;
        postgres::maybe(row, staff_row)
    }

    async fn open_session(
        &self,
        token_hash: &str,
        staff: i64,
        csrf: &str,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        self.client()
            .await?
            .execute(
                "INSERT INTO sessions (token_hash, staff_id, csrf, expires_at)
                 VALUES ($1, $2, $3, $4)",
                &[&token_hash, &staff, &csrf, &expires_at],
            )
            .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str, now: i64) -> anyhow::Result<Option<SessionRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                &format!("{SESSION_QUERY} WHERE s.token_hash = $1 AND s.expires_at > $2"),
                &[&token_hash, &now],
            )
            .await?;
        postgres::maybe(row, session_row)
    }

    async fn close_session(&self, token_hash: &str) -> anyhow::Result<()> {
        self.client()
            .await?
            .execute("DELETE FROM sessions WHERE token_hash = $1", &[&token_hash])
            .await?;
        Ok(())
    }
}
