//! What sync costs on the wire, measured through a byte-counting proxy on loopback: bytes per
//! submission against its payload, and bytes sent again after an upload is cut half-way.
//! Benchmarks, not checks of speed: `#[ignore]`d, run by `cargo xtask bench` with their output.

use homeward_core::Homeward;
use homeward_tests::backend::TestBackend;
use homeward_tests::faults::FaultProxy;
use homeward_tests::installation::{enquiry, open_consented, ENQUIRY_ATTACHMENT};
use std::sync::atomic::Ordering;
use tempfile::TempDir;

/// A complete application with a 12-megapixel phone photo (`seed` makes the photo differ);
/// returns the draft and the payload: the frozen body and the prepared photo.
fn application(core: &Homeward, seed: u32) -> (homeward_domain::DraftId, usize) {
    let draft = enquiry(core);
    let photo = homeward_core::materials::fixtures::phone_photo(4000 + seed, 3000);
    let info = core
        .add_material(draft, ENQUIRY_ATTACHMENT, "photo.jpg", &photo)
        .unwrap();
    (draft, usize::try_from(info.size).expect("fits memory"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run by `cargo xtask bench`"]
async fn bytes_on_the_wire_per_submission() {
    let backend = TestBackend::start().await.unwrap();
    let proxy = FaultProxy::transparent(backend.addr()).await.unwrap();
    let data = TempDir::new().unwrap();
    let core = open_consented(data.path(), &proxy.url);
    let (draft, photo) = application(&core, 0);
    let item = core.submit(draft).unwrap();
    let body = usize::try_from(item.bytes_total).expect("fits memory") - photo;
    assert_eq!(core.sync_outbox().await.unwrap().delivered, 1);
    let wire = proxy.counts.bytes.load(Ordering::Relaxed);
    let sent = proxy.counts.sent.load(Ordering::Relaxed);
    println!(
        "BENCH wire per submission: {wire} bytes both ways ({sent} up) for a payload of {} bytes \
         (body {body} + photo {photo}): overhead {:.1}% (first submission, device registration \
         and key fetch included)",
        body + photo,
        (wire as f64 / (body + photo) as f64 - 1.0) * 100.0
    );
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run by `cargo xtask bench`"]
async fn bytes_sent_again_after_an_upload_is_cut_half_way() {
    let backend = TestBackend::start().await.unwrap();
    // A clean delivery first, to know what one costs.
    let clean = FaultProxy::transparent(backend.addr()).await.unwrap();
    let data = TempDir::new().unwrap();
    let core = open_consented(data.path(), &clean.url);
    let (draft, _) = application(&core, 1);
    core.submit(draft).unwrap();
    core.sync_outbox().await.unwrap();
    let clean_second = {
        let (draft, _) = application(&core, 2);
        core.submit(draft).unwrap();
        let before = clean.counts.sent.load(Ordering::Relaxed);
        core.sync_outbox().await.unwrap();
        clean.counts.sent.load(Ordering::Relaxed) - before
    };
    drop(core);

    // The same again through a proxy that cuts the upload half-way through the photo.
    let (draft, photo) = {
        let core = open_consented(data.path(), &clean.url);
        application(&core, 3)
    };
    let cut = FaultProxy::cut_once_at(backend.addr(), photo / 2)
        .await
        .unwrap();
    let core = open_consented(data.path(), &cut.url);
    core.submit(draft).unwrap();
    let first = core.sync_outbox().await.unwrap();
    assert_eq!(first.delivered, 0, "the cut stops the first attempt");
    for item in core.outbox().unwrap() {
        if !matches!(
            item.state,
            homeward_domain::sync::OutboxState::Delivered { .. }
        ) {
            core.retry_submission(item.submission_id).unwrap();
        }
    }
    assert_eq!(core.sync_outbox().await.unwrap().delivered, 1);
    let sent = cut.counts.sent.load(Ordering::Relaxed);
    println!(
        "BENCH upload cut half-way: {sent} bytes sent for a {photo}-byte photo, against \
         {clean_second} for the same delivery uncut: {} bytes sent again ({:.1}% of the photo)",
        sent.saturating_sub(clean_second),
        sent.saturating_sub(clean_second) as f64 / photo as f64 * 100.0
    );
    backend.stop().await.unwrap();
}
