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
        let before_main = ran_before_main().unwrap_or_default();
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

/// How long this process has run, from the kernel's count: its start time in `/proc/self/stat`
/// against the uptime, both in the ticks of `USER_HZ` (100 a second for every program on Linux,
/// whatever the kernel's own tick), so to the hundredth of a second.
#[cfg(target_os = "linux")]
fn ran_before_main() -> Option<Duration> {
    const USER_HZ: f64 = 100.0;
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name, in parentheses, may hold spaces; the fields after it are plain.
    let after_name = &stat[stat.rfind(')')? + 1..];
    // Field 22 of the line is the start time; it is the 20th after the name.
    let started: f64 = after_name.split_whitespace().nth(19)?.parse().ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let ran = uptime - started / USER_HZ;
    (ran >= 0.0).then(|| Duration::from_secs_f64(ran))
}

#[cfg(not(target_os = "linux"))]
fn ran_before_main() -> Option<Duration> {
    None
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    /// Read from the right field, the count grows with the time that passes.
    #[test]
    #[cfg(target_os = "linux")]
    fn the_time_run_grows_as_the_process_runs() {
        let before = super::ran_before_main().expect("read from /proc");
        std::thread::sleep(std::time::Duration::from_millis(200));
        let after = super::ran_before_main().expect("read again");
        // At least the 200 ms slept, less the hundredth of a second the counts are kept in.
        assert!(
            after.saturating_sub(before).as_millis() >= 180,
            "{before:?} then {after:?}"
        );
    }

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
