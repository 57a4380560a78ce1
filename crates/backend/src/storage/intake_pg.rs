//! Intake on PostgreSQL. One submission is one call of `homeward_intake` (migration 0012), in one
//! transaction and one round trip. When many arrive at once they are stored many to a call of
//! `homeward_intake_many` (migration 0014): handlers leave their submissions on a queue, at most
//! [`CALLS_AT_ONCE`] calls are out, and whatever arrived meanwhile goes in the next call
//! together. A submission arriving alone goes at once, alone; none waits for company.

use std::sync::Arc;

use tokio::sync::{mpsc, oneshot, Semaphore};

use super::applications::{
    received, repeat_or_conflict, submission_row, submission_row_at, Intake, NewSubmission,
    SubmissionRow, SUBMISSION_BY_KEY,
};
use super::events::event_columns;
use super::postgres::{bounded, ANSWER_TIMEOUT};
use super::{DatabaseTimeout, PgStorage};
use homeward_domain::sync::ApplicationStatus;

/// At most this many submissions in one call.
const MOST_IN_ONE_CALL: usize = 64;
/// At most this many calls out at once; the rest of the pool serves every other request.
const CALLS_AT_ONCE: usize = 4;
/// How many submissions may wait on the queue; beyond, a handler waits to leave its own.
const WAITING: usize = 1024;

/// A handler's submission and where its answer goes.
type Waiting = (NewSubmission, oneshot::Sender<anyhow::Result<Intake>>);

/// Where handlers leave submissions for the task that stores them; the task ends when the last
/// copy of the queue is dropped.
#[derive(Clone)]
pub(super) struct IntakeQueue(mpsc::Sender<Waiting>);

impl IntakeQueue {
    /// Starts the task storing what is left on the queue, through its own copy of `db`.
    pub(super) fn start(mut db: PgStorage) -> Self {
        db.intake = None;
        let (queue, mut waiting) = mpsc::channel::<Waiting>(WAITING);
        tokio::spawn(async move {
            let calls = Arc::new(Semaphore::new(CALLS_AT_ONCE));
            while let Some(first) = waiting.recv().await {
                let Ok(call) = Arc::clone(&calls).acquire_owned().await else {
                    break;
                };
                let mut lot = vec![first];
                while lot.len() < MOST_IN_ONE_CALL {
                    match waiting.try_recv() {
                        Ok(next) => lot.push(next),
                        Err(_) => break,
                    }
                }
                // A handler that stopped waiting (its client went away, or its time ran out)
                // gets no answer: its client sends again, and nothing half-stored is left.
                lot.retain(|(_, answer)| !answer.is_closed());
                let db = db.clone();
                tokio::spawn(async move {
                    db.store_lot(lot).await;
                    drop(call);
                });
            }
        });
        Self(queue)
    }

    /// Stores `s` with whatever else is waiting, within [`ANSWER_TIMEOUT`].
    pub(super) async fn intake(&self, s: NewSubmission) -> anyhow::Result<Intake> {
        bounded(async {
            let (answer, answered) = oneshot::channel();
            self.0
                .send((s, answer))
                .await
                .map_err(|_| anyhow::anyhow!("the intake queue has stopped"))?;
            answered
                .await
                .map_err(|_| anyhow::anyhow!("the intake queue stopped before answering"))?
        })
        .await
    }
}

/// Intake's call for one submission: every decision [`super::Applications::intake`] on
/// SQLite takes, in one transaction and one round trip.
const INTAKE_ONE: &str = "SELECT outcome, application_seq, application_created_at, submission_id,
    idempotency_key, device_key, body_sha256, revision, received_at
    FROM homeward_intake($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
        $17, $18, $19, $20, $21, $22)";

/// The same for many: each row numbered with its submission (from 1).
const INTAKE_MANY: &str = "SELECT item, outcome, application_seq, application_created_at,
    submission_id, idempotency_key, device_key, body_sha256, revision, received_at
    FROM homeward_intake_many($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
        $16, $17, $18, $19, $20, $21, $22, $23)";

/// Whether `e` is the database giving way to a racing request (the functions' error HW409).
fn raced(e: &anyhow::Error) -> bool {
    e.downcast_ref::<tokio_postgres::Error>()
        .and_then(tokio_postgres::Error::code)
        .is_some_and(|c| c.code() == "HW409")
}

/// A row of the functions, from column `at`: its outcome and, when stored, the submission.
fn outcome_at(
    r: &dyn super::row::Row,
    at: usize,
) -> anyhow::Result<(String, Option<SubmissionRow>)> {
    let outcome = r.text(at)?;
    let row = if matches!(outcome.as_str(), "new" | "existing") {
        Some(submission_row_at(r, at + 1)?)
    } else {
        None
    };
    Ok((outcome, row))
}

/// What the functions' answer for `s` means (no row: a conflict).
fn decided(
    answer: Option<(String, Option<SubmissionRow>)>,
    s: &NewSubmission,
) -> anyhow::Result<Intake> {
    let Some((outcome, row)) = answer else {
        return Ok(Intake::Conflict);
    };
    Ok(match (outcome.as_str(), row) {
        ("new", Some(row)) => Intake::New(row),
        ("existing", row) => repeat_or_conflict(row, s),
        ("device_revoked", _) => Intake::DeviceRevoked,
        ("signer_revoked", _) => Intake::SignerRevoked,
        ("other_service", _) => Intake::OtherService,
        (other, _) => anyhow::bail!("intake on PostgreSQL answered {other:?}"),
    })
}

impl PgStorage {
    /// Stores a lot taken from the queue and answers each handler.
    async fn store_lot(&self, lot: Vec<Waiting>) {
        if lot.len() <= 1 {
            for (s, answer) in lot {
                let _ = answer.send(self.intake_one(&s).await);
            }
            return;
        }
        let (submissions, answers): (Vec<_>, Vec<_>) = lot.into_iter().unzip();
        match self.intake_many(&submissions).await {
            Ok(decisions) => {
                for (answer, decision) in answers.into_iter().zip(decisions) {
                    let _ = answer.send(Ok(decision));
                }
            }
            // The database is gone or overloaded: asking again, one by one, would only wait
            // as long again for each.
            Err(e) if e.is::<DatabaseTimeout>() => {
                for answer in answers {
                    let _ = answer.send(Err(DatabaseTimeout(ANSWER_TIMEOUT).into()));
                }
            }
            // One of them was stored first by a racing request (or the call failed as a
            // whole, which undid all of it): each alone then, as if it had come alone.
            Err(_) => {
                let alone: Vec<_> = submissions
                    .into_iter()
                    .zip(answers)
                    .map(|(s, answer)| {
                        let db = self.clone();
                        tokio::spawn(async move {
                            let _ = answer.send(db.intake_one(&s).await);
                        })
                    })
                    .collect();
                for task in alone {
                    let _ = task.await;
                }
            }
        }
    }

    /// Stores one submission.
    pub(super) async fn intake_one(&self, s: &NewSubmission) -> anyhow::Result<Intake> {
        let revision = i32::try_from(s.revision)?;
        let assisted = s.assisted.as_ref();
        let column = |f: fn(&super::SignerRef) -> &str| s.signers.iter().map(f).collect::<Vec<_>>();
        let (kinds, ids, keys) = (
            column(|r| &r.kind),
            column(|r| &r.id),
            column(|r| &r.public_key),
        );
        let (event_kind, _, event_text, event_detail) = event_columns(&received());
        let called = self
            .all_rows(
                INTAKE_ONE,
                &[
                    &s.submission_id,
                    &s.idempotency_key,
                    &s.device_key,
                    &revision,
                    &s.body_sha256,
                    &s.body,
                    &s.signature,
                    &s.signed_at,
                    &s.guide_id,
                    &s.draft_id,
                    &s.received_at,
                    &assisted.map(|a| &a.site_id),
                    &assisted.map(|a| &a.volunteer),
                    &assisted.map(|a| a.walk_in),
                    &kinds,
                    &ids,
                    &keys,
                    &ApplicationStatus::Received.slug(),
                    &ApplicationStatus::MoreMaterialNeeded.slug(),
                    &event_kind,
                    &event_text,
                    &event_detail,
                ],
                |r| outcome_at(r, 0),
            )
            .await;
        match called {
            Ok(rows) => decided(rows.into_iter().next(), s),
            // A racing request won; what it stored under this key decides.
            Err(e) if raced(&e) => {
                let existing = self
                    .first_row(
                        &format!("{SUBMISSION_BY_KEY}$1"),
                        &[&s.idempotency_key],
                        submission_row,
                    )
                    .await?;
                Ok(repeat_or_conflict(existing, s))
            }
            Err(e) => Err(e),
        }
    }

    /// Stores many submissions in one call and one transaction: all of them, or (on an error,
    /// such as HW409 when one was stored first by a racing request) none.
    async fn intake_many(&self, lot: &[NewSubmission]) -> anyhow::Result<Vec<Intake>> {
        fn column<'a, T>(lot: &'a [NewSubmission], f: impl Fn(&'a NewSubmission) -> T) -> Vec<T> {
            lot.iter().map(f).collect()
        }
        let revisions = lot
            .iter()
            .map(|s| i32::try_from(s.revision))
            .collect::<Result<Vec<_>, _>>()?;
        let mut signer_of = vec![];
        let (mut kinds, mut ids, mut keys) = (vec![], vec![], vec![]);
        for (n, s) in (1..).zip(lot) {
            for r in &s.signers {
                signer_of.push(n);
                kinds.push(r.kind.as_str());
                ids.push(r.id.as_str());
                keys.push(r.public_key.as_str());
            }
        }
        let (event_kind, _, event_text, event_detail) = event_columns(&received());
        let rows = self
            .all_rows(
                INTAKE_MANY,
                &[
                    &column(lot, |s| s.submission_id),
                    &column(lot, |s| s.idempotency_key.as_str()),
                    &column(lot, |s| s.device_key.as_str()),
                    &revisions,
                    &column(lot, |s| s.body_sha256.as_str()),
                    &column(lot, |s| s.body.as_slice()),
                    &column(lot, |s| s.signature.as_str()),
                    &column(lot, |s| s.signed_at),
                    &column(lot, |s| s.guide_id.as_str()),
                    &column(lot, |s| s.draft_id),
                    &column(lot, |s| s.received_at),
                    &column(lot, |s| s.assisted.as_ref().map(|a| a.site_id.as_str())),
                    &column(lot, |s| s.assisted.as_ref().map(|a| a.volunteer.as_str())),
                    &column(lot, |s| s.assisted.as_ref().map(|a| a.walk_in)),
                    &signer_of,
                    &kinds,
                    &ids,
                    &keys,
                    &ApplicationStatus::Received.slug(),
                    &ApplicationStatus::MoreMaterialNeeded.slug(),
                    &event_kind,
                    &event_text,
                    &event_detail,
                ],
                |r| Ok((r.int(0)?, outcome_at(r, 1)?)),
            )
            .await?;
        let mut answers: Vec<Option<(String, Option<SubmissionRow>)>> = vec![None; lot.len()];
        for (item, answer) in rows {
            let slot = usize::try_from(item - 1)
                .ok()
                .and_then(|i| answers.get_mut(i))
                .ok_or_else(|| anyhow::anyhow!("homeward_intake_many answered for item {item}"))?;
            anyhow::ensure!(
                slot.is_none(),
                "homeward_intake_many answered twice for item {item}"
            );
            *slot = Some(answer);
        }
        lot.iter()
            .zip(answers)
            .map(|(s, answer)| decided(answer, s))
            .collect()
    }
}

/// The storage suite's own helper for a fresh database on the test server.
#[cfg(test)]
#[path = "../../tests/support/postgres.rs"]
mod test_database;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{
        Applications as _, Assisted, Devices as _, Events as _, SignerRef, SignerRow, Signers as _,
    };
    use uuid::Uuid;

    /// A new, empty database on the test server (`HOMEWARD_TEST_POSTGRES`).
    async fn fresh() -> PgStorage {
        PgStorage::connect(&super::test_database::fresh_database_url().await)
            .await
            .unwrap()
    }

    fn submission(n: u32, key: &str, device: &str, draft: u32) -> NewSubmission {
        NewSubmission {
            submission_id: Uuid::from_u128(u128::from(n)),
            idempotency_key: key.to_owned(),
            device_key: device.to_owned(),
            body_sha256: format!("{n:064x}"),
            body: format!("{{\"n\":{n}}}").into_bytes(),
            signature: "sig".into(),
            signed_at: 1_700_000_000,
            guide_id: "pension-proof-of-life".into(),
            draft_id: Uuid::from_u128(u128::from(draft) + 1000),
            revision: 0,
            received_at: 1_700_000_000_000 + i64::from(n),
            assisted: None,
            signers: vec![],
        }
    }

    fn relying_on(mut s: NewSubmission, site: &str, key: &str) -> NewSubmission {
        s.signers.push(SignerRef {
            kind: "site".into(),
            id: site.into(),
            public_key: key.into(),
        });
        s
    }

    /// What each submission of a lot gets is what it would get alone, in the lot's order:
    /// new ones and the cases intake decides one by one, mixed.
    #[tokio::test]
    #[ignore = "needs PostgreSQL: run by `cargo xtask test`"]
    async fn a_lot_gets_the_answers_each_would_get_alone() {
        let db = fresh().await;
        db.register_device("dev", 1).await.unwrap();
        db.register_device("lost", 1).await.unwrap();
        db.revoke_device("lost", 2).await.unwrap();
        for (id, key) in [("prato", "prato-key"), ("milano", "milano-key")] {
            db.add_signer(SignerRow {
                kind: "site".into(),
                id: id.into(),
                name: id.into(),
                public_key: key.into(),
                registered_at: 1,
                revoked_at: None,
            })
            .await
            .unwrap();
        }
        db.revoke_signer("site", "milano", 2).await.unwrap();
        let Intake::New(stored) = db.intake_one(&submission(1, "k1", "dev", 1)).await.unwrap()
        else {
            panic!("the first submission is stored");
        };
        let mut helped = submission(2, "k2", "dev", 2);
        helped.assisted = Some(Assisted {
            site_id: "prato".into(),
            volunteer: "lin".into(),
            walk_in: Uuid::from_u128(77),
        });
        let lot = [
            relying_on(helped, "prato", "prato-key"),
            submission(3, "k3", "dev", 3),
            submission(1, "k1", "dev", 1),
            submission(4, "k1", "dev", 1),
            submission(5, "k5", "dev", 1),
            submission(6, "k6", "lost", 6),
            relying_on(submission(7, "k7", "dev", 7), "milano", "milano-key"),
            submission(3, "k3", "dev", 3),
            submission(8, "k8", "dev", 3),
            submission(9, "k9", "dev", 9),
        ];
        let answers = db.intake_many(&lot).await.unwrap();
        let new = |a: &Intake, n: u32, key: &str| match a {
            Intake::New(row) => {
                assert_eq!(row.submission_id, Uuid::from_u128(u128::from(n)));
                assert_eq!(row.idempotency_key, key);
                assert_eq!(row.revision, 0);
                row.application_seq
            }
            other => panic!("submission {n} is new, not {other:?}"),
        };
        let helped_seq = new(&answers[0], 2, "k2");
        let seq3 = new(&answers[1], 3, "k3");
        assert_eq!(answers[2], Intake::Repeat(stored.clone()));
        assert_eq!(
            answers[3],
            Intake::Conflict,
            "the key holds another submission"
        );
        assert_eq!(
            answers[4],
            Intake::Conflict,
            "a second first submission of a draft"
        );
        assert_eq!(answers[5], Intake::DeviceRevoked);
        assert_eq!(answers[6], Intake::SignerRevoked);
        let Intake::Repeat(again) = &answers[7] else {
            panic!(
                "a repeat within the lot gets the first answer, not {:?}",
                answers[7]
            );
        };
        assert_eq!(again.application_seq, seq3);
        assert_eq!(
            answers[8],
            Intake::Conflict,
            "the lot's own draft 3 was taken first"
        );
        let seq9 = new(&answers[9], 9, "k9");
        assert!(stored.application_seq < helped_seq && helped_seq < seq3 && seq3 < seq9);
        assert_eq!(db.count_submissions().await.unwrap(), 4);
        let helped = db.application(helped_seq).await.unwrap().unwrap();
        assert_eq!(helped.site_id.as_deref(), Some("prato"));
        assert_eq!(helped.volunteer.as_deref(), Some("lin"));
        let events = db.events(helped_seq).await.unwrap();
        assert_eq!(events.len(), 1, "the received event is written");
    }

    /// A lot where one submission's key was taken by another application stores nothing, so
    /// each can be taken alone; the queue does so and answers each as it would alone.
    #[tokio::test]
    #[ignore = "needs PostgreSQL: run by `cargo xtask test`"]
    async fn a_lot_meeting_a_taken_key_stores_nothing_and_each_is_taken_alone() {
        let db = fresh().await;
        db.register_device("dev", 1).await.unwrap();
        assert!(matches!(
            db.intake_one(&submission(1, "k1", "dev", 1)).await.unwrap(),
            Intake::New(_)
        ));
        let lot = vec![
            submission(2, "k2", "dev", 2),
            submission(3, "k1", "dev", 3),
            submission(4, "k4", "dev", 4),
        ];
        let e = db.intake_many(&lot).await.unwrap_err();
        assert!(raced(&e), "the call gives way: {e:#}");
        assert_eq!(
            db.count_submissions().await.unwrap(),
            1,
            "nothing of the lot is stored"
        );
        let mut waiting = vec![];
        let mut answered = vec![];
        for s in lot {
            let (answer, answer_here) = oneshot::channel();
            waiting.push((s, answer));
            answered.push(answer_here);
        }
        db.store_lot(waiting).await;
        let mut answers = vec![];
        for a in answered {
            answers.push(a.await.unwrap().unwrap());
        }
        assert!(matches!(answers[0], Intake::New(_)));
        assert_eq!(answers[1], Intake::Conflict);
        assert!(matches!(answers[2], Intake::New(_)));
        assert_eq!(db.count_submissions().await.unwrap(), 3);
    }
}
