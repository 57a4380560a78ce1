//! What the staff's list, an application's page and a device's feed cost as the work grows:
//! fills a fresh PostgreSQL database with `--applications N` applications (one submission and
//! one event each, a tenth of them routed to a department, most of them decided) and one busy
//! device with `--feed-events M` events, then times each read through the backend's own
//! storage, as the console and the feed call it. Prints `BENCH` lines with p50 and p99.
//!
//! `cargo run --release -p homeward-backend --example scale -- --database postgres://… \
//!  --applications 1000000 --feed-events 10000` (`cargo xtask bench` runs it at 1× and 10×).
//! The database must be empty: it is filled in place.

use std::time::{Duration, Instant};

use homeward_backend::settings::DatabaseUrl;
use homeward_backend::storage::{ApplicationFilter, ListCursor, Storage};
use homeward_domain::sync::ApplicationStatus;

struct Args {
    url: String,
    applications: i64,
    feed_events: i64,
}

fn args() -> anyhow::Result<Args> {
    let mut url = None;
    let mut applications = 100_000;
    let mut feed_events = 1_000;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--database" => url = it.next(),
            "--applications" => applications = it.next().unwrap_or_default().parse()?,
            "--feed-events" => feed_events = it.next().unwrap_or_default().parse()?,
            other => anyhow::bail!("unknown argument {other}"),
        }
    }
    Ok(Args {
        url: url.ok_or_else(|| anyhow::anyhow!("--database postgres://… is required"))?,
        applications,
        feed_events,
    })
}

/// Applications per device, and events per application of the busy device.
const PER_DEVICE: i64 = 10;
const EVENTS_PER_BUSY_APPLICATION: i64 = 10;

/// The rows, written by the database itself: a million rows through the intake API would time
/// the intake, not the reads.
const FILL: &str = "
INSERT INTO devices (public_key, registered_at)
    SELECT 'device-' || g, 0 FROM generate_series(0, $1::BIGINT / $2::BIGINT) g;
INSERT INTO applications (device_key, draft_id, guide_id, status, department, created_at,
        updated_at, version)
    SELECT 'device-' || (g / $2::BIGINT), gen_random_uuid(), 'guide-' || (g % 84),
        (ARRAY['approved','approved','approved','approved','approved','approved','approved',
               'rejected','in-review','received','more-material-needed'])[1 + g % 11],
        CASE WHEN g % 10 = 0 THEN 'public-security' END,
        1700000000000 + g * 1000, 1700000000000 + g * 1000 + (g % 13) * 60000, 1
    FROM generate_series(1, $1::BIGINT) g;
INSERT INTO submissions (submission_id, application_seq, idempotency_key, device_key, revision,
        body_sha256, body, signature, signed_at, received_at)
    SELECT gen_random_uuid(), seq, 'key-' || seq, device_key, 0, repeat('0', 64),
        convert_to(repeat('x', 300), 'UTF8'), 'signature', created_at / 1000, created_at
    FROM applications;
INSERT INTO events (application_seq, device_key, kind, status, text, actor, at)
    SELECT seq, device_key, 'status', 'received', '', 'intake', created_at FROM applications;
";

/// The busy device's applications, each with its events, spread through the others in time.
const FILL_BUSY: &str = "
INSERT INTO devices (public_key, registered_at) VALUES ('busy-device', 0);
INSERT INTO applications (device_key, draft_id, guide_id, status, created_at, updated_at, version)
    SELECT 'busy-device', gen_random_uuid(), 'guide-' || (g % 84), 'in-review',
        1700000000000 + g, 1700000000000 + g, 1
    FROM generate_series(1, $1::BIGINT) g;
INSERT INTO events (application_seq, device_key, kind, status, text, actor, at)
    SELECT a.seq, a.device_key, 'status', 'in-review', 'event ' || n, 'zhou', a.created_at + n
    FROM applications a, generate_series(1, $2::BIGINT) n
    WHERE a.device_key = 'busy-device' AND $1::BIGINT > 0
    ORDER BY n, a.seq;
ANALYZE;
";

/// Runs each statement of `script`, with as many of `params` as it names.
async fn fill(
    client: &tokio_postgres::Client,
    script: &str,
    params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
) -> anyhow::Result<()> {
    for statement in script.split(';').filter(|s| !s.trim().is_empty()) {
        let named = (1..=params.len())
            .filter(|i| statement.contains(&format!("${i}")))
            .max()
            .unwrap_or(0);
        client.execute(statement, &params[..named]).await?;
    }
    Ok(())
}

#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Times `rounds` calls of `read` and prints their p50 and p99.
async fn time<F, Fut>(what: &str, scale: i64, rounds: usize, mut read: F) -> anyhow::Result<()>
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<usize>>,
{
    let mut took = Vec::with_capacity(rounds);
    let mut rows = 0;
    for i in 0..rounds {
        let t = Instant::now();
        rows += read(i).await?;
        took.push(t.elapsed());
    }
    took.sort();
    println!(
        "BENCH scale {scale} applications, {what}: p50 {:.2?}, p99 {:.2?} ({} rows a call)",
        percentile(&took, 0.5),
        percentile(&took, 0.99),
        rows / rounds.max(1),
    );
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = args()?;
    let db: std::sync::Arc<dyn Storage> =
        homeward_backend::storage::open(&DatabaseUrl::Postgres(args.url.clone())).await?;
    let (client, connection) = tokio_postgres::connect(&args.url, tokio_postgres::NoTls).await?;
    tokio::spawn(connection);
    anyhow::ensure!(
        db.count_submissions().await? == 0,
        "the database must be empty"
    );
    let busy_applications = (args.feed_events / EVENTS_PER_BUSY_APPLICATION).max(1);
    let filling = Instant::now();
    fill(&client, FILL, &[&args.applications, &PER_DEVICE]).await?;
    fill(
        &client,
        FILL_BUSY,
        &[&busy_applications, &EVENTS_PER_BUSY_APPLICATION],
    )
    .await?;
    let n = args.applications;
    eprintln!("filled {n} applications in {:.1?}", filling.elapsed());

    let list = |filter: ApplicationFilter| {
        let db = db.clone();
        async move { Ok(db.applications(filter).await?.len()) }
    };
    let page = |f: ApplicationFilter| ApplicationFilter { limit: 200, ..f };
    time("the list's first page", n, 200, |_| {
        list(page(ApplicationFilter::default()))
    })
    .await?;
    let received = ApplicationFilter {
        status: Some(ApplicationStatus::Received),
        ..ApplicationFilter::default()
    };
    time("the list of one status", n, 200, |_| {
        list(page(received.clone()))
    })
    .await?;
    let scoped = ApplicationFilter {
        department: Some("public-security".into()),
        ..ApplicationFilter::default()
    };
    time("a department's list", n, 200, |_| {
        list(page(scoped.clone()))
    })
    .await?;
    let one_service = ApplicationFilter {
        guide: Some("guide-7".into()),
        ..ApplicationFilter::default()
    };
    time("the list of one service", n, 200, |_| {
        list(page(one_service.clone()))
    })
    .await?;
    // Pages deep in the list, anywhere in it.
    time("a page deep in the list", n, 200, |i| {
        let at = 1_700_000_000_000 + (n * 1000) * (i64::try_from(i % 97).unwrap_or(0) + 1) / 98;
        list(page(ApplicationFilter {
            after: Some(ListCursor {
                updated_at: at,
                seq: i64::MAX,
            }),
            ..ApplicationFilter::default()
        }))
    })
    .await?;
    time("an application's page", n, 500, |i| {
        let db = db.clone();
        let seq = 1 + (i64::try_from(i).unwrap_or(0) * 7_919) % n;
        async move {
            let app = db.application(seq).await?;
            let submissions = db.submissions(seq).await?;
            let events = db.events(seq).await?;
            Ok(usize::from(app.is_some()) + submissions.len() + events.len())
        }
    })
    .await?;
    // The busy device's whole feed, page by page, as the app reads it after a long time away.
    let mut pages = 0;
    let mut cursor = 0;
    let mut took = vec![];
    loop {
        let t = Instant::now();
        let rows = db.feed("busy-device", cursor, 201).await?;
        took.push(t.elapsed());
        pages += 1;
        if rows.len() < 201 {
            break;
        }
        cursor = rows[199].cursor;
    }
    let total: Duration = took.iter().sum();
    took.sort();
    println!(
        "BENCH scale {n} applications, a device's feed of {} events: {pages} pages, p50 {:.2?}, p99 {:.2?} a page, {total:.2?} in all",
        busy_applications * EVENTS_PER_BUSY_APPLICATION,
        percentile(&took, 0.5),
        percentile(&took, 0.99),
    );
    Ok(())
}
