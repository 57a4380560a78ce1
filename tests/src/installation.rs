//! App installations for cross-crate tests: opened on a directory, with the person's answers.

use std::path::Path;

use homeward_core::{Config, Homeward};
use homeward_domain::privacy::ConsentKind;
use homeward_domain::DraftId;

/// An installation in `dir` talking to `url`, whose person has given the consents sending needs.
pub fn open_consented(dir: &Path, url: &str) -> Homeward {
    let core = Homeward::open(&Config {
        data_dir: dir.to_owned(),
        backend_url: url.to_owned(),
    })
    .expect("open");
    for kind in ConsentKind::ALL {
        core.set_consent(kind, true).expect("consent");
    }
    core
}

/// A pension proof-of-life draft with every question answered: a name beyond the BMP, a
/// full-width ID number, and life proven by `method` (`face`, or `certificate`, whose photo the
/// caller attaches to `life-certificate`).
pub fn proof_of_life(core: &Homeward, method: &str) -> DraftId {
    let draft = core.create_draft("pension-proof-of-life").expect("draft");
    for (field, value) in [
        ("full-name", "王𠀀明"),
        ("id-number", "３３０３０２１９９００１０１１２３５"),
        ("country", "Italia"),
        ("method", method),
        ("phone", "+39 333 123 4567"),
    ] {
        core.set_answer(draft.id, field, value).expect("answer");
    }
    draft.id
}
