//! Concatenates `locales/<tag>/*.ftl` into one resource per language, in file-name order, so a
//! language can be split into several files without code changes.

use std::fs;
use std::path::Path;

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
        let mut all = String::new();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            all.push_str(&fs::read_to_string(&file).expect("readable .ftl"));
            all.push('\n');
        }
        fs::write(Path::new(&out).join(format!("{tag}.ftl")), all).expect("OUT_DIR is writable");
    }
}
