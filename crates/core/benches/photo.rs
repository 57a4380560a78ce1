//! Preparing a 12-megapixel phone photo for upload: decode, turn upright, scale, re-encode.
//!
//! `cargo bench -p homeward-core --bench photo`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use homeward_core::materials::{fixtures::phone_photo, prepare};

fn bench(c: &mut Criterion) {
    let photo = phone_photo(4000, 3000);
    let prepared = prepare(&photo).expect("prepared");
    println!(
        "BENCH 12 MP photo: {} bytes in, {} bytes out, {:?} px",
        photo.len(),
        prepared.bytes.len(),
        prepared.dimensions
    );
    let mut runs: Vec<std::time::Duration> = (0..5)
        .map(|_| {
            let start = std::time::Instant::now();
            black_box(prepare(black_box(&photo)).expect("prepared"));
            start.elapsed()
        })
        .collect();
    runs.sort();
    let median = runs[runs.len() / 2];
    println!(
        "BENCH 12 MP photo prepared: median {median:?} of {} (goal under 400 ms: {})",
        runs.len(),
        if median.as_millis() < 400 {
            "met"
        } else {
            "not met"
        }
    );
    let mut group = c.benchmark_group("photo");
    group.sample_size(10);
    group.bench_function("prepare 12 MP JPEG", |b| {
        b.iter(|| prepare(black_box(&photo)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
