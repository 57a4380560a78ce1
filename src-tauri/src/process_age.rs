//! How long this process has run, by the kernel's count: the start-up figures are measured from
//! the moment the process began, before the program and its libraries were loaded. Read by the
//! app's own marks (`started`) and by the bench's blank WebKitGTK window.

use std::time::Duration;

/// How long this process has run, from the kernel's count: its start time in `/proc/self/stat`
/// against the uptime, both in the ticks of `USER_HZ` (100 a second for every program on Linux,
/// whatever the kernel's own tick), so to the hundredth of a second.
#[cfg(target_os = "linux")]
pub fn ran_so_far() -> Option<Duration> {
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
pub fn ran_so_far() -> Option<Duration> {
    None
}

#[cfg(test)]
mod tests {
    /// Read from the right field, the count grows with the time that passes.
    #[test]
    #[cfg(target_os = "linux")]
    fn the_time_run_grows_as_the_process_runs() {
        let before = super::ran_so_far().expect("read from /proc");
        std::thread::sleep(std::time::Duration::from_millis(200));
        let after = super::ran_so_far().expect("read again");
        // At least the 200 ms slept, less the hundredth of a second the counts are kept in.
        assert!(
            after.saturating_sub(before).as_millis() >= 180,
            "{before:?} then {after:?}"
        );
    }
}
