//! Search latency over the bundled catalogue: criterion's estimate per query kind, then p50/p99
//! over a mixed set of realistic queries (what BENCHMARKS.md reports).
//!
//! `cargo bench -p homeward-catalog --bench search`

use std::time::{Duration, Instant};

use criterion::{black_box, criterion_group, Criterion};
use homeward_catalog::{bundled, search::SearchIndex};
use homeward_domain::Lang;

const QUERIES: &[(&str, Lang)] = &[
    ("驾照", Lang::ZhCn),
    ("户口", Lang::ZhCn),
    ("养老金认证", Lang::ZhCn),
    ("不动产继承", Lang::ZhCn),
    ("jiashizheng", Lang::ZhCn),
    ("jsz", Lang::ZhCn),
    ("hukou", Lang::En),
    ("proof of life", Lang::En),
    ("lost passport", Lang::En),
    ("drivng licence", Lang::En),
    ("criminal record certificate", Lang::En),
    ("house inheritance", Lang::En),
    ("p", Lang::En),
    ("gongzheng", Lang::ZhCn),
];

fn index() -> SearchIndex {
    let pack = bundled().expect("bundled pack").into_pack();
    let l10n = homeward_i18n::Localizer::new();
    SearchIndex::new(&pack, |slug| {
        Lang::ALL
            .iter()
            .map(|l| l10n.tr(*l, &format!("category-{slug}")))
            .collect()
    })
}

fn bench(c: &mut Criterion) {
    let index = index();
    for (q, lang) in [QUERIES[0], QUERIES[4], QUERIES[7], QUERIES[9]] {
        c.bench_function(&format!("search {q:?}"), |b| {
            b.iter(|| index.search(black_box(q), lang));
        });
    }
    c.bench_function("build index", |b| b.iter(self::index));
}

/// Every query many times, each timed on its own; prints p50 and p99 per query.
fn percentiles() {
    let index = index();
    let mut samples: Vec<Duration> = Vec::with_capacity(QUERIES.len() * 2_000);
    for _ in 0..2_000 {
        for (q, lang) in QUERIES {
            let start = Instant::now();
            black_box(index.search(black_box(q), *lang));
            samples.push(start.elapsed());
        }
    }
    samples.sort();
    // A quantile's index: small, whole and not negative.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p) as usize];
    println!(
        "search over the bundled catalogue, {} timed queries: p50 {:?}, p99 {:?}, max {:?}",
        samples.len(),
        at(0.50),
        at(0.99),
        samples[samples.len() - 1]
    );
}

criterion_group!(benches, bench);

fn main() {
    percentiles();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
