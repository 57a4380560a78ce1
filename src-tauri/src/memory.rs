//! How the app's memory goes back to the system.
//!
//! Preparing a 12 MP photo holds its 36 MB of pixels several times over while it is turned and
//! scaled, and its bytes cross from the web view in one piece. glibc's allocator raises the
//! size it serves from its heaps each time a large block is freed (up to 32 MB), and keeps what
//! those heaps free for their thread's next allocation: after five photos the app held about
//! 110 MB it no longer used (BENCHMARKS.md, "Memory").

/// Serves every block of 256 KiB or more straight from the system, and hands it back when it is
/// freed; heaps give back their free top beyond 256 KiB. Called first thing, before any other
/// thread exists. The one `unsafe` block of the workspace (a test keeps it so).
#[allow(unsafe_code)]
pub fn give_large_blocks_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` sets two of the allocator's parameters and reads no memory of ours; it
    // runs before any other thread allocates.
    unsafe {
        const LARGE: libc::c_int = 256 * 1024;
        libc::mallopt(libc::M_MMAP_THRESHOLD, LARGE);
        libc::mallopt(libc::M_TRIM_THRESHOLD, LARGE);
    }
}

/// Asks WebKitGTK to paint the web view on the processor, without GPU compositing, unless the
/// environment already says otherwise (`WEBKIT_DISABLE_COMPOSITING_MODE=0` gives compositing
/// back). The app's screens are text, forms and lists with no animation that compositing would
/// speed up, and compositing held 145 MB of the web process's memory after every screen was
/// walked, and cost about 70 ms at start (BENCHMARKS.md, "Memory"). Called first thing, before
/// any other thread exists: WebKit's processes inherit the setting.
pub fn paint_without_gpu_compositing() {
    const SETTING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if cfg!(target_os = "linux") && std::env::var_os(SETTING).is_none() {
        std::env::set_var(SETTING, "1");
    }
}
