//! The app's own marks of its start: when the process began, when the installation was open,
//! when the UI ran and when the first guides were painted. `cargo xtask bench` reads them
//! through `start_marks`; the shell logs the whole start once it is painted. Times only.

use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use homeward_domain::display::{StartMark, StartStep};

struct Marks {
    /// When `main` began.
    main: Instant,
    /// How long the process had run when `main` began: loading the program and its libraries.
    before_main: Duration,
    reached: Mutex<Vec<StartMark>>,
}

static MARKS: OnceLock<Marks> = OnceLock::new();

/// Told when the first guides are painted.
static PAINTED: OnceLock<tokio::sync::Notify> = OnceLock::new();

/// Marks the start of `main`; called first thing.
pub fn begin() {
    MARKS.get_or_init(|| {
        let before_main = crate::process_age::ran_so_far().unwrap_or_default();
        Marks {
            main: Instant::now(),
            before_main,
            reached: Mutex::new(vec![StartMark {
                step: StartStep::Main,
                after_ms: millis(before_main),
            }]),
        }
    });
}

/// Marks `step` reached now, unless it was already.
pub fn mark(step: StartStep) {
    let Some(marks) = MARKS.get() else { return };
    let mut reached = marks
        .reached
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if reached.iter().any(|m| m.step == step) {
        return;
    }
    reached.push(StartMark {
        step,
        after_ms: millis(marks.before_main + marks.main.elapsed()),
    });
    if step == StartStep::FirstPaint {
        if let Some(painted) = PAINTED.get() {
            painted.notify_waiters();
        }
        let line: Vec<String> = reached
            .iter()
            .map(|m| format!("{:?} {:.0} ms", m.step, m.after_ms))
            .collect();
        tracing::info!("started: {}", line.join(", "));
    }
}

/// Waits until the first guides are painted, or `limit` has passed (a first start shows the city
/// picker, a site's laptop its desk): for work that can wait until the person sees the app.
pub async fn after_first_paint(limit: Duration) {
    let painted = PAINTED.get_or_init(tokio::sync::Notify::new);
    // Made before the look, so a paint marked in between still wakes it.
    let notified = painted.notified();
    if marks().iter().any(|m| m.step == StartStep::FirstPaint) {
        return;
    }
    let _ = tokio::time::timeout(limit, notified).await;
}

/// The steps reached so far.
pub fn marks() -> Vec<StartMark> {
    MARKS.get().map_or_else(Vec::new, |m| {
        m.reached
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    })
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    #[test]
    fn each_step_is_marked_once_in_the_order_reached() {
        use homeward_domain::display::StartStep;
        super::begin();
        // Work waiting for the first paint, with a limit far beyond this test's patience.
        let (told, waited) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_time()
                .build()
                .expect("a runtime");
            runtime.block_on(super::after_first_paint(Duration::from_secs(3600)));
            let _ = told.send(());
        });
        super::mark(StartStep::UiStarted);
        std::thread::sleep(Duration::from_millis(50));
        assert!(waited.try_recv().is_err(), "it waits until the first paint");
        super::mark(StartStep::FirstPaint);
        super::mark(StartStep::UiStarted);
        waited
            .recv_timeout(Duration::from_secs(60))
            .expect("the first paint ends the wait");
        let steps: Vec<_> = super::marks().into_iter().map(|m| m.step).collect();
        assert_eq!(
            steps,
            [StartStep::Main, StartStep::UiStarted, StartStep::FirstPaint]
        );
        let marks = super::marks();
        assert!(marks.windows(2).all(|w| w[0].after_ms <= w[1].after_ms));
    }
}
