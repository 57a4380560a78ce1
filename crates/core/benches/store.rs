//! The encrypted store under the app's real settings (SQLCipher, WAL, synchronous = FULL):
//! autosave latency per answer (p50/p99), and opening the list of 500 and of 5,000 drafts with
//! their reviews.
//!
//! `cargo bench -p homeward-core --bench store`

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use criterion::{black_box, criterion_group, Criterion};
use homeward_core::catalog::bundled;
use homeward_core::review::review;
use homeward_core::store::Store;
use homeward_core::validate::today;
use homeward_domain::{DraftCursor, GuideId};

/// Prints p50 and p99 of `samples` under `label`, and gives the p99 back.
fn percentiles(label: &str, mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    // A quantile's index: small, whole and not negative.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p) as usize];
    println!(
        "BENCH {label}: n {}, p50 {:?}, p99 {:?}",
        samples.len(),
        at(0.5),
        at(0.99)
    );
    at(0.99)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().expect("tempdir");
    let store = Store::open(&dir.path().join("bench.db"), &[3; 32]).expect("store");
    let pack = bundled().expect("pack").into_pack();

    // Autosave: one answer per keystroke, as the UI sends them.
    let draft = store
        .create_draft(&GuideId("pension-proof-of-life".into()), 1, 0)
        .expect("draft");
    let mut samples = vec![];
    let mut text = String::new();
    for i in 0..2_000 {
        text.push(if i % 2 == 0 { '温' } else { 'a' });
        if text.chars().count() > 40 {
            text.clear();
        }
        let start = Instant::now();
        store
            .set_answer(draft.id, "full-name", &text, i)
            .expect("save");
        samples.push(start.elapsed());
    }
    let _ = percentiles(
        "autosave one answer (SQLCipher, WAL, synchronous=FULL)",
        samples,
    );
    let mut first_pages = vec![];
    c.bench_function("autosave one answer", |b| {
        let mut i = 0i64;
        b.iter(|| {
            i += 1;
            store
                .set_answer(draft.id, "country", black_box("Italia"), i)
                .expect("save");
        });
    });

    // 500 drafts across the catalogue, ten answers each; then 5,000 (10×).
    let add_drafts = |from: usize, to: usize| {
        for (n, guide) in pack
            .guides
            .iter()
            .cycle()
            .skip(from)
            .take(to - from)
            .enumerate()
        {
            let at = i64::try_from(from + n).expect("small");
            let d = store
                .create_draft(&guide.id, pack.version, at)
                .expect("draft");
            for (k, field) in guide
                .form
                .pages
                .iter()
                .flat_map(|p| &p.fields)
                .take(10)
                .enumerate()
            {
                store
                    .set_answer(d.id, &field.id, &format!("answer {k}"), at)
                    .expect("answer");
            }
        }
    };
    // A page of the list as the app shows it: its drafts read through the index, each reviewed.
    let page = |after: Option<&DraftCursor>| {
        let drafts = store
            .drafts_page(after, homeward_core::DRAFT_PAGE)
            .expect("page");
        let reviews: Vec<_> = drafts
            .iter()
            .filter_map(|d| {
                let guide = pack.guide(&d.guide_id.0)?;
                Some(review(&guide.form, &d.answers, &BTreeSet::new(), today()))
            })
            .collect();
        assert_eq!(reviews.len(), drafts.len());
        drafts.last().map(|d| DraftCursor {
            updated_at: d.updated_at,
            id: d.id,
        })
    };
    // One draft exists already (the autosave's).
    for (count, from) in [(500, 1), (5_000, 500)] {
        add_drafts(from, count);
        assert_eq!(store.drafts().expect("all").len(), count);
        let mut first = vec![];
        for _ in 0..200 {
            let start = Instant::now();
            black_box(page(None));
            first.push(start.elapsed());
        }
        first_pages.push(percentiles(
            &format!(
                "open the list of {count} drafts: the first {} with their reviews",
                homeward_core::DRAFT_PAGE
            ),
            first,
        ));
        // Every page in turn, to the last, as "show more" reads them.
        let mut pages = vec![];
        let mut after = None;
        loop {
            let start = Instant::now();
            let next = page(after.as_ref());
            pages.push(start.elapsed());
            match next {
                Some(cursor) if pages.len() * homeward_core::DRAFT_PAGE < count => {
                    after = Some(cursor);
                }
                _ => break,
            }
        }
        let _ = percentiles(
            &format!("each page of the list of {count} drafts, to the last"),
            pages,
        );
    }
    if let [small, large] = first_pages[..] {
        println!(
            "BENCH the list's first page, 5,000 drafts against 500 (ten times the work): p99 \
             {:.2}× (goal: flat, and never faster than the work)",
            large.as_secs_f64() / small.as_secs_f64()
        );
    }
    let mut group = c.benchmark_group("drafts");
    group.sample_size(10);
    group.bench_function("first page of 5,000 drafts with reviews", |b| {
        b.iter(|| page(None));
    });
    group.finish();
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
