//! Search latency over the bundled catalogue: criterion's estimate per query kind, then p50/p99
//! over a mixed set of realistic queries, over the catalogue and over ten times as many guides
//! (what BENCHMARKS.md reports).
//!
//! `cargo bench -p homeward-catalog --bench search`

use std::time::{Duration, Instant};

use criterion::{black_box, criterion_group, Criterion};
use homeward_catalog::{bundled, search::SearchIndex};
use homeward_domain::Lang;

/// Realistic queries, each with the kind BENCHMARKS.md reports it under.
const QUERIES: &[(&str, Lang, &str)] = &[
    ("驾照", Lang::ZhCn, "Simplified"),
    ("户口", Lang::ZhCn, "Simplified"),
    ("养老金认证", Lang::ZhCn, "Simplified"),
    ("不动产继承", Lang::ZhCn, "Simplified"),
    ("護照遺失", Lang::ZhTw, "Traditional"),
    ("駕駛證換證", Lang::ZhTw, "Traditional"),
    ("jiashizheng", Lang::ZhCn, "pinyin"),
    ("jsz", Lang::ZhCn, "pinyin"),
    ("gongzheng", Lang::ZhCn, "pinyin"),
    ("jia shi zheng", Lang::ZhCn, "spaced pinyin"),
    ("jià shǐ zhèng", Lang::ZhCn, "spaced pinyin"),
    ("hukou", Lang::En, "English"),
    ("proof of life", Lang::En, "English"),
    ("lost passport", Lang::En, "English"),
    ("drivng licence", Lang::En, "English"),
    ("criminal record certificate", Lang::En, "English"),
    ("house inheritance", Lang::En, "English"),
    ("p", Lang::En, "English"),
    ("passaporto perso", Lang::It, "Italian"),
    ("rinnovo patente", Lang::It, "Italian"),
    ("certificato di nascita", Lang::It, "Italian"),
    ("passeport perdu", Lang::Fr, "French"),
    ("permis de conduire", Lang::Fr, "French"),
    ("pièce d'identité", Lang::Fr, "French"),
    ("pasaporte perdido", Lang::Es, "Spanish"),
    ("carnet de conducir", Lang::Es, "Spanish"),
    ("pensión", Lang::Es, "Spanish"),
];

fn index() -> SearchIndex {
    scaled_index(1)
}

/// The index over the bundled catalogue with every guide there `times` times, each copy under
/// an id of its own and with a mark of its own on every title and keyword (a Chinese character,
/// a Latin word): the work a city with `times` as many guides would give it, its vocabularies
/// `times` as large rather than shared by identical copies.
fn scaled_index(times: usize) -> SearchIndex {
    const HAN: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    let mut pack = bundled().expect("bundled pack").into_pack();
    let originals = pack.guides.clone();
    for n in 1..times {
        let (han, latin) = (HAN[n % HAN.len()], format!("copy{n}"));
        let marked = |text: &mut String| {
            let mark = if text.chars().any(|c| c > '\u{2e80}') {
                han
            } else {
                &latin
            };
            text.push(' ');
            text.push_str(mark);
        };
        pack.guides.extend(originals.iter().cloned().map(|mut g| {
            g.id.0 = format!("{}-{n}", g.id.0);
            g.title.0.values_mut().for_each(marked);
            g.keywords.values_mut().flatten().for_each(marked);
            g
        }));
    }
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
    for (q, lang, _) in [
        QUERIES[0],
        QUERIES[4],
        QUERIES[6],
        QUERIES[9],
        QUERIES[13],
        QUERIES[18],
    ] {
        c.bench_function(&format!("search {q:?}"), |b| {
            b.iter(|| index.search(black_box(q), lang));
        });
    }
    c.bench_function("build index", |b| b.iter(self::index));
}

/// Every query many times, each timed on its own, over the catalogue `times` over; prints p50
/// and p99 per kind of query and over all of them.
fn percentiles(times: usize) {
    const ROUNDS: usize = 2_000;
    let index = scaled_index(times);
    let guides = bundled().expect("bundled pack").into_pack().guides.len() * times;
    let mut by_kind: Vec<(&str, Vec<Duration>)> = vec![];
    for _ in 0..ROUNDS {
        for (q, lang, kind) in QUERIES {
            let start = Instant::now();
            black_box(index.search(black_box(q), *lang));
            let took = start.elapsed();
            match by_kind.iter_mut().find(|(k, _)| k == kind) {
                Some((_, samples)) => samples.push(took),
                None => by_kind.push((kind, vec![took])),
            }
        }
    }
    let mut all: Vec<Duration> = by_kind
        .iter()
        .flat_map(|(_, s)| s.iter().copied())
        .collect();
    by_kind.push(("all", std::mem::take(&mut all)));
    for (kind, samples) in &mut by_kind {
        samples.sort();
        // A quantile's index: small, whole and not negative.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p) as usize];
        let p99 = at(0.99);
        let goal = if p99 < Duration::from_millis(1) {
            "met"
        } else {
            "not met"
        };
        println!(
            "BENCH search over {guides} guides, {kind} queries ({} timed): p50 {:?}, p99 {p99:?} \
             (goal: p99 under 1 ms, {goal}), max {:?}",
            samples.len(),
            at(0.50),
            samples[samples.len() - 1]
        );
    }
}

criterion_group!(benches, bench);

fn main() {
    percentiles(1);
    percentiles(10);
    benches();
    Criterion::default().configure_from_args().final_summary();
}
