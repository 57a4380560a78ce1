//! The backend's database: one interface, [`Storage`], split by what it keeps (devices,
//! applications and their submissions, their events, uploads, staff and their sessions, the signers
//! of attestations, delegations), with two implementations that pass the same test suite:
//! SQLite (embedded, the default) and PostgreSQL (production).
//!
//! Each aggregate's file holds its trait and both dialects' statements side by side, so a new
//! method is written in one file; rows are read through one mapper per type ([`row::Row`]),
//! whichever database they come from. Migrations are `.sql` files per dialect under
//! `crates/backend/migrations/`, and a test compares the two live schemas so they cannot drift.
//!
//! An *application* is one person's request for one service (a device and a draft); each time
//! the person sends it, a *submission* is stored under it (revision 0, then one per revision the
//! department asked for). *Events* tell the person what happened: status changes, routing, and
//! every time staff opened it, and the conversation on it: messages both ways with their
//! documents.
//!
//! Every write that decides something (a submission taken once, a device registered once) is
//! decided by the database's own constraints inside one transaction, so two requests racing
//! each other cannot both win.

mod access;
mod accounts;
mod applications;
mod blob_rows;
mod counters;
mod delegations;
mod devices;
mod events;
mod handovers;
mod intake_pg;
mod messages;
mod meta;
mod notices;
mod postgres;
mod row;
mod signers;
mod sqlite;
mod uploads;

use std::sync::Arc;

use crate::settings::DatabaseUrl;

pub use access::{AccessLogs, NewAccess};
pub use accounts::{SessionRow, StaffAccounts, StaffRow};
pub use applications::{
    parse_reference, reference, ApplicationFilter, ApplicationRow, Applications, Assisted, Intake,
    ListCursor, NewSubmission, SignerRef, SiteCount, SubmissionDetail, SubmissionRow,
};
pub use blob_rows::BlobRows;
pub use counters::Counters;
pub use delegations::Delegations;
pub use devices::{DeviceRow, Devices};
pub use events::{EventRow, Events};
pub use handovers::{Claimed, HandoverRow, Handovers, Offered};
pub use messages::{DocumentRow, MessageRow, Messages, NewDocument, NewMessage, Taken};
pub use meta::Meta;
pub use notices::{NoticeFeedRow, NoticeFeeds};
pub use postgres::PgStorage;
pub use signers::{ProofingRow, SignerRow, Signers};
pub use sqlite::SqliteStorage;
pub use uploads::{UploadRow, Uploads};

/// Declares [`Storage`] as every part together, and gives it to whatever implements them all.
macro_rules! storage_of {
    ($($part:ident),+) => {
        /// Everything the backend keeps. Implementations map their own errors into `anyhow`;
        /// callers treat every error as the database being unavailable.
        pub trait Storage: $($part +)+ std::fmt::Debug {}

        impl<T: $($part +)+ std::fmt::Debug> Storage for T {}
    };
}

storage_of!(
    Meta,
    Devices,
    Applications,
    Events,
    Uploads,
    StaffAccounts,
    Signers,
    Delegations,
    AccessLogs,
    Handovers,
    NoticeFeeds,
    Messages,
    Counters,
    BlobRows
);

/// The database did not answer in time: the link to it is gone, or it is overloaded. Requests
/// that meet it are told to try again (503).
#[derive(Debug, thiserror::Error)]
#[error("the database did not answer within {0:?}")]
pub struct DatabaseTimeout(pub std::time::Duration);

/// The database the settings name, opened and brought up to date.
pub async fn open(url: &DatabaseUrl) -> anyhow::Result<Arc<dyn Storage>> {
    Ok(match url {
        DatabaseUrl::Sqlite(path) => Arc::new(SqliteStorage::open(path).await?),
        DatabaseUrl::Postgres(url) => Arc::new(PgStorage::connect(url).await?),
    })
}
