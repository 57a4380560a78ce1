//! The shell every console page shares: the head with the stylesheet, the header with the
//! language switch and, when someone is signed in, their name and the sign-out form.

use homeward_domain::Lang;
use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::paths;
use super::tr;
use crate::staff::Staff;

/// The console's stylesheet: a constant, the one piece of markup that goes in unescaped.
pub(super) const STYLE: &str = "
body{margin:0;font:15px/1.55 system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;color:#1d2421;background:#f6f4ef}
header{background:#0f5c4d;color:#fff;padding:.7rem 1.2rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
header a,header button{color:#fff}header form{margin:0}.langs{margin-left:auto;display:flex;flex-wrap:wrap;gap:.2rem .7rem}
.langs a{padding:.2rem 0}.langs a[aria-current]{font-weight:700;text-decoration:none}
main{max-width:1100px;margin:0 auto;padding:1.2rem}
h1{font-size:1.5rem;margin:.3rem 0 1rem}h2{font-size:1.15rem;margin:1.6rem 0 .6rem}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #dcd8cf}
th,td{text-align:left;padding:.5rem .7rem;border-bottom:1px solid #e9e6df;vertical-align:top}
th{background:#efece5;font-weight:600}
a{color:#0f5c4d}
.tag{display:inline-block;padding:.1rem .55rem;border-radius:999px;font-size:.85rem;font-weight:600;background:#dde9f6;color:#114a7a}
.tag.approved,.tag.completed{background:#e4f2e8;color:#1e6b3a}.tag.rejected,.tag.more-material-needed{background:#fbe9e4;color:#7a1f05}
.card{background:#fff;border:1px solid #dcd8cf;border-radius:10px;padding:1rem 1.2rem;margin:0 0 1rem}
.ok{color:#1e6b3a;font-weight:600}.bad{color:#b42318;font-weight:600}
form.filters{display:flex;gap:.8rem;flex-wrap:wrap;align-items:end;margin:0 0 1rem}
label{display:block;font-weight:600;margin:.4rem 0 .2rem}
input,select,textarea{font:inherit;padding:.4rem .5rem;border:1px solid #8a8f8c;border-radius:6px;background:#fff;max-width:100%}select{contain:paint}
textarea{width:100%;min-height:5rem;box-sizing:border-box}
button{font:inherit;padding:.45rem 1rem;border-radius:6px;border:1px solid #0f5c4d;background:#0f5c4d;color:#fff;cursor:pointer}
header button{background:transparent;border-color:#fff}
.muted{color:#5f666d}.grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem}
.timeline{list-style:none;padding:0;margin:0}.timeline li{padding:.4rem 0;border-bottom:1px solid #eee}
.login{max-width:360px;margin:4rem auto}.error{color:#b42318}
label.check{display:inline;font-weight:400;margin:0 .6rem 0 0}button.danger{background:#b42318;border-color:#b42318}
td form{margin:0}
img.preview{max-width:320px;max-height:240px;border:1px solid #dcd8cf;border-radius:6px}
.thread{list-style:none;padding:0;margin:0 0 1rem;display:grid;gap:.6rem}
.thread .message{background:#fff;border:1px solid #dcd8cf;border-left:4px solid #114a7a;border-radius:8px;padding:.6rem .9rem}
.thread .from-office{border-left-color:#0f5c4d;background:#f1f7f5}
.thread .message p{margin:0}.thread .words{white-space:pre-wrap;margin:.35rem 0 0}
.thread .documents{margin:.35rem 0 0;padding-left:1.2rem}
@media (max-width:700px){.langs{order:3;width:100%;margin-left:0}.grid{grid-template-columns:minmax(0,1fr)}th,td{padding:.4rem}table{display:block;overflow-x:auto}}
";

/// A whole page: `body` inside the console's shell, titled `title`. `staff` is who is signed
/// in, if anyone: their name and the sign-out form go in the header.
pub(super) fn page(lang: Lang, title: &str, staff: Option<&Staff>, body: &Markup) -> Markup {
    let app = tr(lang, "console-title");
    html! {
        (DOCTYPE)
        html lang=(lang.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width,initial-scale=1";
                title { (title) " · " (app) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    a href=(paths::HOME) { strong { (app) } }
                    (super::language_links(lang, |l| paths::fill(paths::LANG, &[l.tag()])))
                    @if let Some(me) = staff {
                        form method="post" action=(paths::LOGOUT) {
                            span { (me.account.username) }
                            " "
                            (csrf_field(me))
                            button type="submit" { (tr(lang, "console-sign-out")) }
                        }
                    }
                }
                main { (body) }
            }
        }
    }
}

/// The hidden field that carries the session's CSRF token in every form that changes something.
pub(super) fn csrf_field(me: &Staff) -> Markup {
    html! { input type="hidden" name="csrf" value=(me.csrf); }
}
