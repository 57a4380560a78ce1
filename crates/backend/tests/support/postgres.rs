//! A fresh database on the test PostgreSQL server (`HOMEWARD_TEST_POSTGRES`), for the tests
//! that need one of their own.

/// The URL of a new, empty database on the test server.
pub async fn fresh_database_url() -> String {
    let url = std::env::var("HOMEWARD_TEST_POSTGRES")
        .expect("HOMEWARD_TEST_POSTGRES is not set: run `cargo xtask test`");
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("time")
        .as_nanos();
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("t_{}_{nanos}_{n}", std::process::id());
    let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
        .await
        .expect("the test PostgreSQL server answers");
    tokio::spawn(connection);
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create a database");
    let (base, _) = url.rsplit_once('/').expect("a database in the URL");
    format!("{base}/{name}")
}
