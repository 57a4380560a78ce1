//! One row, read the same way from either database, so each row type has one mapper. The
//! dialects differ only in how a value is kept (a UUID as text or as `uuid`, a flag as an integer
//! or a `boolean`), which the two implementations of [`Row`] settle.

use anyhow::Context as _;
use uuid::Uuid;

pub(super) trait Row {
    fn int(&self, i: usize) -> anyhow::Result<i64>;
    fn opt_int(&self, i: usize) -> anyhow::Result<Option<i64>>;
    fn text(&self, i: usize) -> anyhow::Result<String>;
    fn opt_text(&self, i: usize) -> anyhow::Result<Option<String>>;
    fn blob(&self, i: usize) -> anyhow::Result<Vec<u8>>;
    fn uuid(&self, i: usize) -> anyhow::Result<Uuid>;
}

impl Row for rusqlite::Row<'_> {
    fn int(&self, i: usize) -> anyhow::Result<i64> {
        Ok(self.get(i)?)
    }
    fn opt_int(&self, i: usize) -> anyhow::Result<Option<i64>> {
        Ok(self.get(i)?)
    }
    fn text(&self, i: usize) -> anyhow::Result<String> {
        Ok(self.get(i)?)
    }
    fn opt_text(&self, i: usize) -> anyhow::Result<Option<String>> {
        Ok(self.get(i)?)
    }
    fn blob(&self, i: usize) -> anyhow::Result<Vec<u8>> {
        Ok(self.get(i)?)
    }
    fn uuid(&self, i: usize) -> anyhow::Result<Uuid> {
        let text: String = self.get(i)?;
        text.parse()
            .with_context(|| format!("column {i} is not a UUID"))
    }
}

impl Row for tokio_postgres::Row {
    fn int(&self, i: usize) -> anyhow::Result<i64> {
        // BIGINT, or INTEGER for the small counts kept as such.
        match self.try_get::<_, i64>(i) {
            Ok(n) => Ok(n),
            Err(_) => Ok(i64::from(self.try_get::<_, i32>(i)?)),
        }
    }
    fn opt_int(&self, i: usize) -> anyhow::Result<Option<i64>> {
        Ok(self.try_get(i)?)
    }
    fn text(&self, i: usize) -> anyhow::Result<String> {
        Ok(self.try_get(i)?)
    }
    fn opt_text(&self, i: usize) -> anyhow::Result<Option<String>> {
        Ok(self.try_get(i)?)
    }
    fn blob(&self, i: usize) -> anyhow::Result<Vec<u8>> {
        Ok(self.try_get(i)?)
    }
    fn uuid(&self, i: usize) -> anyhow::Result<Uuid> {
        Ok(self.try_get(i)?)
    }
}
