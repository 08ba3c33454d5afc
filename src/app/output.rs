//! Output written whole: a reader of a file never sees half of it, and a
//! closed pipe is the reader's choice, not an error.

use std::io::Write;
use std::path::Path;

use crate::config::Output;
use crate::error::{Error, Result};

/// Writes to stdout, or to `--out` whole: into a temporary file beside it,
/// renamed over the target only when everything was written.
pub fn emit(
    output: &Output,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match &output.out {
        None => {
            let stdout = std::io::stdout();
            let width = (!output.wide).then(|| terminal_width(&stdout)).flatten();
            let mut lock = stdout.lock();
            let written = match width {
                // Tables fit themselves; the prose around them (notes,
                // legends) is wrapped here, line by line.
                Some(w) => {
                    let mut wrap = Wrapping {
                        inner: &mut lock,
                        width: w,
                        line: Vec::new(),
                    };
                    crate::report::table::fit_to(width, || write(&mut wrap))
                        .and_then(|()| wrap.flush())
                }
                None => write(&mut lock),
            };
            match written {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.map_err(|e| Error::io("(stdout)", e)),
            }
        }
        Some(path) => write_atomically(path, write),
    }
}

/// A writer to a terminal that wraps each line wider than the terminal
/// at its spaces (`table::wrap_line`); a line that fits passes unchanged.
struct Wrapping<'a> {
    inner: &'a mut dyn Write,
    width: usize,
    line: Vec<u8>,
}

impl Wrapping<'_> {
    fn emit_line(&mut self) -> std::io::Result<()> {
        let text = String::from_utf8_lossy(&self.line).into_owned();
        self.line.clear();
        let wrapped = crate::report::table::wrap_line(&text, self.width);
        self.inner.write_all(wrapped.as_bytes())
    }
}

impl Write for Wrapping<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for chunk in buf.split_inclusive(|b| *b == b'\n') {
            match chunk.strip_suffix(b"\n") {
                Some(body) => {
                    self.line.extend_from_slice(body);
                    self.emit_line()?;
                    self.inner.write_all(b"\n")?;
                }
                None => self.line.extend_from_slice(chunk),
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.line.is_empty() {
            self.emit_line()?;
        }
        self.inner.flush()
    }
}

/// The terminal's width, when stdout is one.
fn terminal_width(stdout: &std::io::Stdout) -> Option<usize> {
    use std::io::IsTerminal;
    if !stdout.is_terminal() {
        return None;
    }
    terminal_size::terminal_size_of(stdout).map(|(w, _)| usize::from(w.0))
}

/// Refuses outputs that name a file this run has read, before any of
/// them is written.
pub fn not_inputs(paths: &[&Path]) -> Result<()> {
    match paths.iter().find(|p| crate::ingest::is_input(p)) {
        Some(p) => Err(Error::input(
            crate::error::Location::file(p.display().to_string()),
            crate::text!(
                "tämä ajo lukee tiedoston; sen päälle ei kirjoiteta (anna toinen tulostiedosto)",
                "den här körningen läser filen; den skrivs inte över (ange en annan utfil)",
                "this run reads the file; it is not written over (name another output)"
            ),
        )),
        None => Ok(()),
    }
}

pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    // The rename below would put a file in place of a device or a pipe
    // (/dev/null, for one run as root): only a file is written over.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(Error::input(
            crate::error::Location::file(path.display().to_string()),
            crate::text!("ei ole tiedosto", "inte en fil", "not a file"),
        ));
    }
    not_inputs(&[path])?;
    // A new file of our own: `create_new` neither follows a link planted
    // under the name (in a shared folder) nor truncates another's file.
    let pid = std::process::id();
    let (tmp, file) = {
        let mut n = 0u32;
        loop {
            let tmp = dir.join(format!(".{name}.tmp{pid}-{n}"));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
            {
                Ok(f) => break (tmp, f),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
                Err(e) => return Err(Error::io(path, e)),
            }
        }
    };
    let result = (|| {
        let mut f = std::io::BufWriter::new(file);
        write(&mut f)?;
        f.flush()?;
        f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}
