//! The one way text enters the page: every name, label and message from a
//! workbook or scenario file passes through `esc`, so none can open a tag
//! or end an attribute.

pub(super) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
