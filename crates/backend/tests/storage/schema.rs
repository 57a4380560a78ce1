//! The two schemas compared live: after every migration of each dialect, both databases must
//! have the same tables, the same columns (of the same kind, nullable alike), the same unique
//! constraints (partial or not) and the same indexes. A migration written for one dialect and
//! forgotten for the other fails here.

use std::collections::{BTreeMap, BTreeSet};

/// What a column holds, whatever each dialect calls it (a UUID is `uuid` on PostgreSQL and text
/// on SQLite; a flag is `boolean` on one and an integer on the other).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Text,
    Integer,
    Blob,
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Table {
    /// Name, kind, and whether it may be null.
    columns: BTreeMap<String, (Kind, bool)>,
    /// Column lists that are unique (primary key included), and whether only for some rows.
    unique: BTreeSet<(Vec<String>, bool)>,
    /// Column lists of the other indexes.
    indexes: BTreeSet<Vec<String>>,
}

impl Table {
    fn add_index(&mut self, columns: Vec<String>, unique: bool, partial: bool) {
        if unique {
            self.unique.insert((columns, partial));
        } else {
            self.indexes.insert(columns);
        }
    }
}

type Schema = BTreeMap<String, Table>;

fn sqlite_kind(declared: &str) -> Kind {
    match declared.to_ascii_uppercase().as_str() {
        "TEXT" => Kind::Text,
        "INTEGER" => Kind::Integer,
        "BLOB" => Kind::Blob,
        other => panic!("a SQLite column of type {other}"),
    }
}

fn postgres_kind(declared: &str) -> Kind {
    match declared {
        "text" | "uuid" => Kind::Text,
        "bigint" | "integer" | "boolean" => Kind::Integer,
        "bytea" => Kind::Blob,
        other => panic!("a PostgreSQL column of type {other}"),
    }
}

fn sqlite_schema(path: &std::path::Path) -> Schema {
    let c = rusqlite::Connection::open(path).unwrap();
    let names: Vec<String> = c
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut schema = Schema::new();
    for name in names {
        let mut table = Table::default();
        let mut key: Vec<(i64, String)> = vec![];
        let mut stmt = c
            .prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1)")
            .unwrap();
        let mut rows = stmt.query([&name]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let (column, declared): (String, String) = (r.get(0).unwrap(), r.get(1).unwrap());
            let (not_null, pk): (bool, i64) = (r.get(2).unwrap(), r.get(3).unwrap());
            if pk > 0 {
                key.push((pk, column.clone()));
            }
            // A primary key column is never null, as PostgreSQL says of its own.
            let nullable = !not_null && pk == 0;
            table
                .columns
                .insert(column, (sqlite_kind(&declared), nullable));
        }
        key.sort();
        table
            .unique
            .insert((key.into_iter().map(|(_, c)| c).collect(), false));
        let indexes: Vec<(String, bool, bool)> = c
            .prepare("SELECT name, \"unique\", partial FROM pragma_index_list(?1)")
            .unwrap()
            .query_map([&name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (index, unique, partial) in indexes {
            let columns: Vec<String> = c
                .prepare("SELECT name FROM pragma_index_info(?1) ORDER BY seqno")
                .unwrap()
                .query_map([&index], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            table.add_index(columns, unique, partial);
        }
        schema.insert(name, table);
    }
    schema
}

async fn postgres_schema(client: &tokio_postgres::Client) -> Schema {
    let mut schema = Schema::new();
    let tables = client
        .query(
            "SELECT table_name::text FROM information_schema.tables
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
               AND table_name <> 'schema_version'",
            &[],
        )
        .await
        .unwrap();
    for t in tables {
        let name: String = t.get(0);
        let mut table = Table::default();
        for c in client
            .query(
                "SELECT column_name::text, data_type::text, is_nullable::text
                 FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name = $1",
                &[&name],
            )
            .await
            .unwrap()
        {
            let nullable: String = c.get(2);
            table.columns.insert(
                c.get(0),
                (postgres_kind(c.get::<_, &str>(1)), nullable == "YES"),
            );
        }
        for i in client
            .query(
                "SELECT i.indisunique, i.indpred IS NOT NULL,
                     array_agg(a.attname::text ORDER BY k.n)
                 FROM pg_index i
                 JOIN pg_class t ON t.oid = i.indrelid
                 JOIN pg_namespace ns ON ns.oid = t.relnamespace
                 CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                 WHERE ns.nspname = 'public' AND t.relname = $1
                 GROUP BY i.indexrelid, i.indisunique, i.indpred",
                &[&name],
            )
            .await
            .unwrap()
        {
            let (unique, partial, columns): (bool, bool, Vec<String>) =
                (i.get(0), i.get(1), i.get(2));
            table.add_index(columns, unique, partial);
        }
        schema.insert(name, table);
    }
    schema
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: run by `cargo xtask test`"]
async fn the_sqlite_and_postgresql_schemas_are_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backend.db");
    homeward_backend::storage::SqliteStorage::open(&file)
        .await
        .unwrap();
    let sqlite = sqlite_schema(&file);

    let (_storage, url) = super::postgres_with_url().await;
    let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    let postgres = postgres_schema(&client).await;

    assert!(
        sqlite.len() >= 10,
        "every table is read: {:?}",
        sqlite.keys()
    );
    let names = |s: &Schema| s.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&sqlite), names(&postgres), "the same tables");
    for (name, table) in &sqlite {
        assert_eq!(Some(table), postgres.get(name), "table {name}");
    }
}
