//! A WebKitGTK window showing two lines of text and nothing else, painted as the app paints
//! (without GPU compositing): the floor under any app built on WebKitGTK, which `cargo xtask
//! bench` sets beside the app's own start and memory. Prints how long after the process began
//! its first frame was painted, and, a second and a half later, the memory (PSS) of it and of
//! the processes WebKit started for it; then closes.

#[path = "../src/process_age.rs"]
mod process_age;

/// The text of a first screen, in both of the app's scripts, and the same mark of the first
/// paint as the app's: the frame after the one that drew it.
const PAGE: &str = r#"<!doctype html><html lang="zh-CN"><body style='font-family: "Noto Sans CJK SC", sans-serif'>
<h1>侨乡通 Homeward</h1><p>办事指南 Guides</p>
<script>requestAnimationFrame(() => requestAnimationFrame(() => { document.title = "painted"; }));</script>
</body></html>"#;

#[cfg(target_os = "linux")]
fn main() {
    use gtk::prelude::*;
    use webkit2gtk::WebViewExt as _;

    let before_main = process_age::ran_so_far().unwrap_or_default();
    let main = std::time::Instant::now();
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    if gtk::init().is_err() {
        eprintln!("no display to open a window on");
        std::process::exit(1);
    }
    let window = gtk::Window::new(gtk::WindowType::Toplevel);
    window.set_default_size(1280, 800);
    let view = webkit2gtk::WebView::new();
    window.add(&view);
    view.connect_title_notify(move |view| {
        if view.title().as_deref() != Some("painted") {
            return;
        }
        let painted = before_main + main.elapsed();
        println!(
            "main {:.0} ms, painted {:.0} ms",
            before_main.as_secs_f64() * 1000.0,
            painted.as_secs_f64() * 1000.0
        );
        gtk::glib::timeout_add_local_once(std::time::Duration::from_millis(1500), || {
            let me = std::process::id();
            let mut all = 0;
            for pid in std::iter::once(me).chain(children(me)) {
                let (name, kb) = (name(pid), pss_kb(pid));
                println!("pss {name} {kb} kB");
                all += kb;
            }
            println!("pss all {all} kB");
            gtk::main_quit();
        });
    });
    view.load_html(PAGE, None);
    window.show_all();
    gtk::main();
}

/// The processes whose parent is `parent`.
#[cfg(target_os = "linux")]
fn children(parent: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return vec![];
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .ok()
                .and_then(|stat| {
                    // The parent is the second field after the parenthesised name.
                    let after_name = &stat[stat.rfind(')')? + 1..];
                    after_name.split_whitespace().nth(1)?.parse::<u32>().ok()
                })
                == Some(parent)
        })
        .collect()
}

#[cfg(target_os = "linux")]
fn name(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|n| n.trim().to_owned())
        .unwrap_or_default()
}

/// The proportional set size of `pid`, in kB.
#[cfg(target_os = "linux")]
fn pss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|rollup| {
            rollup
                .lines()
                .find_map(|l| l.strip_prefix("Pss:"))?
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(0)
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("the blank window is WebKitGTK's, on Linux");
}
