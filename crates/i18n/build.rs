//! Concatenates `locales/<tag>/*.ftl` into one resource per language, in file-name order, so a
//! language can be split into several files without code changes; and a second one per language
//! without the back office's files, for the app.

use std::fs;
use std::path::Path;

/// The files whose messages only the back office shows: the staff console and the command line.
const BACK_OFFICE: [&str; 2] = ["console", "cli"];

fn main() {
    // Read at run time: cargo sets it for the build script of this very checkout.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("../../locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for tag in ["zh-CN", "zh-TW", "en", "it", "fr", "es"] {
        let dir = root.join(tag);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        // Every message, and the app's alone: without the back office's console and command
        // line, which the app never shows and need not carry.
        let mut all = String::new();
        let mut app = String::new();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let text = fs::read_to_string(&file).expect("readable .ftl");
            let back_office = file
                .file_stem()
                .is_some_and(|s| BACK_OFFICE.iter().any(|b| s == *b));
            if !back_office {
                app.push_str(&text);
                app.push('\n');
            }
            all.push_str(&text);
            all.push('\n');
        }
        fs::write(Path::new(&out).join(format!("{tag}.ftl")), all).expect("OUT_DIR is writable");
        fs::write(Path::new(&out).join(format!("{tag}-app.ftl")), app)
            .expect("OUT_DIR is writable");
    }
}
