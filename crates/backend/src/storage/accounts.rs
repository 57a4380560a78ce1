//! Staff accounts and their sessions (only a session token's SHA-256 is kept).

use super::row::Row;
use super::sqlite::text;
use super::{PgStorage, SqliteStorage};
use async_trait::async_trait;
use homeward_domain::sync::StaffRole;

/// A member of staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRow {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    /// Whether the account is an administrator's (its role says so).
    pub admin: bool,
    pub role: StaffRole,
    pub department: Option<String>,
    /// When an administrator disabled the account: it signs in no more, and its sessions end.
    pub disabled_at: Option<i64>,
}

/// What a session cookie stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub staff: StaffRow,
    pub csrf: String,
    pub expires_at: i64,
}

const STAFF_COLUMNS: &str = "id, username, password_hash, role, department, disabled_at";

fn staff_row(r: &dyn Row) -> anyhow::Result<StaffRow> {
    let role = StaffRole::from_slug(&r.text(3)?)
        .ok_or_else(|| anyhow::anyhow!("a staff account with an unknown role"))?;
    Ok(StaffRow {
        id: r.int(0)?,
        username: r.text(1)?,
        password_hash: r.text(2)?,
        admin: role == StaffRole::Administrator,
        role,
        department: r.opt_text(4)?,
        disabled_at: r.opt_int(5)?,
    })
}

/// A session of an account not disabled: the account's columns as [`STAFF_COLUMNS`] orders
/// them, then the session's. The caller adds its conditions with `AND`.
const SESSION_QUERY: &str = "SELECT st.id, st.username, st.password_hash, st.role,
    st.department, st.disabled_at, s.csrf, s.expires_at
    FROM sessions s JOIN staff st ON st.id = s.staff_id
    WHERE st.disabled_at IS NULL";

fn session_row(r: &dyn Row) -> anyhow::Result<SessionRow> {
    Ok(SessionRow {
        staff: staff_row(r)?,
        csrf: r.text(6)?,
        expires_at: r.int(7)?,
    })
}

#[async_trait]
pub trait StaffAccounts: Send + Sync {
    /// Adds a member of staff; false if the name is taken.
    async fn add_staff(
        &self,
        username: &str,
        password_hash: &str,
        role: StaffRole,
        department: Option<&str>,
    ) -> anyhow::Result<bool>;

    async fn staff(&self, username: &str) -> anyhow::Result<Option<StaffRow>>;

    /// Every account, disabled ones too, by name.
    async fn staff_accounts(&self) -> anyhow::Result<Vec<StaffRow>>;

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

    /// Disables an account at `at`: from that instant none of its sessions counts (and they
    /// are deleted) and it cannot sign in. False if there is no such account.
    async fn disable_staff(&self, username: &str, at: i64) -> anyhow::Result<bool>;
}

#[async_trait]
impl StaffAccounts for SqliteStorage {
    async fn add_staff(
        &self,
        username: &str,
        password_hash: &str,
        role: StaffRole,
        department: Option<&str>,
    ) -> anyhow::Result<bool> {
        self.exec(
            "INSERT INTO staff (username, password_hash, admin, role, department)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
            vec![
                text(username),
                text(password_hash),
                (role == StaffRole::Administrator).into(),
                text(role.slug()),
                department.map(str::to_owned).into(),
            ],
        )
        .await
        .map(|n| n == 1)
    }

    async fn staff(&self, username: &str) -> anyhow::Result<Option<StaffRow>> {
        self.first_row(
            format!("SELECT {STAFF_COLUMNS} FROM staff WHERE username = ?1"),
            vec![text(username)],
            staff_row,
        )
        .await
    }

    async fn staff_accounts(&self) -> anyhow::Result<Vec<StaffRow>> {
        self.all_rows(
            format!("SELECT {STAFF_COLUMNS} FROM staff ORDER BY username"),
            vec![],
            staff_row,
        )
        .await
    }

    async fn open_session(
        &self,
        token_hash: &str,
        staff: i64,
        csrf: &str,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        self.exec(
            "INSERT INTO sessions (token_hash, staff_id, csrf, expires_at)
             VALUES (?1, ?2, ?3, ?4)",
            vec![
                text(token_hash),
                staff.into(),
                text(csrf),
                expires_at.into(),
            ],
        )
        .await
        .map(drop)
    }

    async fn session(&self, token_hash: &str, now: i64) -> anyhow::Result<Option<SessionRow>> {
        self.first_row(
            format!("{SESSION_QUERY} AND s.token_hash = ?1 AND s.expires_at > ?2"),
            vec![text(token_hash), now.into()],
            session_row,
        )
        .await
    }

    async fn close_session(&self, token_hash: &str) -> anyhow::Result<()> {
        self.exec(
            "DELETE FROM sessions WHERE token_hash = ?1",
            vec![text(token_hash)],
        )
        .await
        .map(drop)
    }

    async fn disable_staff(&self, username: &str, at: i64) -> anyhow::Result<bool> {
        let found = self
            .exec(
                "UPDATE staff SET disabled_at = coalesce(disabled_at, ?2) WHERE username = ?1",
                vec![text(username), at.into()],
            )
            .await?;
        // The sessions already count for nothing; this only clears them away.
        self.exec(
            "DELETE FROM sessions WHERE staff_id IN
                (SELECT id FROM staff WHERE username = ?1)",
            vec![text(username)],
        )
        .await?;
        Ok(found == 1)
    }
}

#[async_trait]
impl StaffAccounts for PgStorage {
    async fn add_staff(
        &self,
        username: &str,
        password_hash: &str,
        role: StaffRole,
        department: Option<&str>,
    ) -> anyhow::Result<bool> {
        let admin = role == StaffRole::Administrator;
        self.exec(
            "INSERT INTO staff (username, password_hash, admin, role, department)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            &[&username, &password_hash, &admin, &role.slug(), &department],
        )
        .await
        .map(|n| n == 1)
    }

    async fn staff(&self, username: &str) -> anyhow::Result<Option<StaffRow>> {
        self.first_row(
            &format!("SELECT {STAFF_COLUMNS} FROM staff WHERE username = $1"),
            &[&username],
            staff_row,
        )
        .await
    }

    async fn staff_accounts(&self) -> anyhow::Result<Vec<StaffRow>> {
        self.all_rows(
            &format!("SELECT {STAFF_COLUMNS} FROM staff ORDER BY username"),
            &[],
            staff_row,
        )
        .await
    }

    async fn open_session(
        &self,
        token_hash: &str,
        staff: i64,
        csrf: &str,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        self.exec(
            "INSERT INTO sessions (token_hash, staff_id, csrf, expires_at)
             VALUES ($1, $2, $3, $4)",
            &[&token_hash, &staff, &csrf, &expires_at],
        )
        .await
        .map(drop)
    }

    async fn session(&self, token_hash: &str, now: i64) -> anyhow::Result<Option<SessionRow>> {
        self.first_row(
            &format!("{SESSION_QUERY} AND s.token_hash = $1 AND s.expires_at > $2"),
            &[&token_hash, &now],
            session_row,
        )
        .await
    }

    async fn close_session(&self, token_hash: &str) -> anyhow::Result<()> {
        self.exec("DELETE FROM sessions WHERE token_hash = $1", &[&token_hash])
            .await
            .map(drop)
    }

    async fn disable_staff(&self, username: &str, at: i64) -> anyhow::Result<bool> {
        let found = self
            .exec(
                "UPDATE staff SET disabled_at = coalesce(disabled_at, $2) WHERE username = $1",
                &[&username, &at],
            )
            .await?;
        // The sessions already count for nothing; this only clears them away.
        self.exec(
            "DELETE FROM sessions WHERE staff_id IN
                (SELECT id FROM staff WHERE username = $1)",
            &[&username],
        )
        .await?;
        Ok(found == 1)
    }
}
