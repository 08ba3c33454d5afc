//! Scenario files (TOML) into a [`Scenario`]: a file may `extends` another
//! and change only what differs. Every mistake names the file, the line and
//! the key; nothing falls back to a default silently.
//!
//! Layering: plain settings and paths of the child replace the parent's;
//! lists of measures (rate changes, savings, subsidy changes) add to the
//! parent's; a project with the same `name` as one of the parent's changes
//! only the fields it gives; tables by year or class merge key by key.

mod apply;
mod doc;
mod keys;
mod money;
mod project;
mod read;
mod registry;
mod setting;
mod uncertain;

use std::collections::BTreeSet;
use std::path::{Path as FsPath, PathBuf};

use crate::config::read_to_string;
use crate::error::{Error, Location, Result, Text};
use crate::model::scenario::Scenario;
use crate::text;
use apply::apply;
use doc::Doc;
use read::Cx;
use uncertain::settle_uncertainty;

pub use money::{MAX_AMOUNT, MAX_POPULATION, parse_money, population_csv};
pub use registry::{
    DRIVERS, DriverKey, Field, KEYS, Key, KeyDefault, PROJECT_COST, Setting, Unset, W, driver_keys,
    keys_markdown, keys_markdown_in,
};

/// Reads a scenario file and the files it extends.
pub fn load(path: &FsPath) -> Result<Scenario> {
    let mut chain: Vec<(PathBuf, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut cur = path.to_path_buf();
    loop {
        let key = cur.canonicalize().unwrap_or_else(|_| cur.clone());
        if !seen.insert(key) {
            return Err(Error::config(
                Location::file(cur.display().to_string()),
                text!(
                    "extends: tiedostot laajentavat toisiaan kehässä",
                    "extends: filerna utvidgar varandra i en cirkel",
                    "extends: the files extend each other in a circle"
                ),
            ));
        }
        let text = match (read_to_string(&cur), chain.last()) {
            (Ok(t), _) => t,
            (Err(e), Some((child, child_text))) => {
                let file = child.display().to_string();
                let at = extends_of(child_text, &file)?
                    .map(|(_, line)| Location::line(file.clone(), line))
                    .unwrap_or_else(|| Location::file(file.clone()));
                let p = cur.display();
                let message = text!(
                    "extends: tiedostoa {p} ei voi lukea",
                    "extends: filen {p} kan inte läsas",
                    "extends: cannot read {p}"
                );
                return Err(Error::config(at, message).context_of(e));
            }
            (Err(e), None) => return Err(e),
        };
        let parent = extends_of(&text, &cur.display().to_string())?;
        chain.push((cur.clone(), text));
        match parent {
            None => break,
            Some((p, _)) => {
                let dir = cur.parent().unwrap_or(FsPath::new("."));
                cur = dir.join(p);
            }
        }
        if chain.len() > 20 {
            return Err(Error::config(
                Location::file(path.display().to_string()),
                text!(
                    "extends: yli 20 tiedostoa syvä",
                    "extends: mer än 20 filer djupt",
                    "extends: more than 20 files deep"
                ),
            ));
        }
    }
    let mut sc = Scenario::default();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    sc.name = stem;
    for (p, text) in chain.iter().rev() {
        apply(&mut sc, text, &p.display().to_string())?;
    }
    sc.files = chain.iter().map(|(p, _)| p.display().to_string()).collect();
    settle_uncertainty(&mut sc)?;
    if chain.len() > 1 {
        // A child without its own name must not wear its parent's.
        let own = parse_doc(&chain[0].1, &chain[0].0.display().to_string())?;
        if own.name.is_none() {
            sc.name = path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
        }
    }
    Ok(sc)
}

/// Reads one scenario text without following `extends`, as tests do.
pub fn parse_str(text: &str, file: &str) -> Result<Scenario> {
    let mut sc = Scenario {
        name: FsPath::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default(),
        ..Scenario::default()
    };
    apply(&mut sc, text, file)?;
    sc.files = vec![file.to_string()];
    settle_uncertainty(&mut sc)?;
    Ok(sc)
}

fn parse_doc(text: &str, file: &str) -> Result<Doc> {
    toml::from_str(text).map_err(|e| {
        let cx = Cx { file, text };
        let at = match e.span() {
            Some(s) => cx.at(s),
            None => Location::file(file),
        };
        Error::config(at, toml_words(e.message().trim()))
    })
}

/// The TOML reader's message: an unknown or missing key, the mistakes a
/// person writing a scenario or targets file makes most, worded in each language; the
/// reader's other messages (the TOML syntax) as it gives them, in English.
pub(crate) fn toml_words(m: &str) -> Text {
    let field = |prefix: &str| {
        let rest = m.strip_prefix(prefix)?;
        let (name, tail) = rest.split_once('`')?;
        Some((name.to_string(), tail.to_string()))
    };
    if let Some((name, tail)) = field("unknown field `") {
        let allowed = |fi: &str, sv: &str| -> (String, String) {
            if let Some(list) = (tail.strip_prefix(", expected one of "))
                .or_else(|| tail.strip_prefix(", expected "))
            {
                (format!("; {fi}: {list}"), format!("; {sv}: {list}"))
            } else if tail == ", there are no fields" {
                (
                    "; tässä ei ole avaimia".into(),
                    "; här finns inga nycklar".into(),
                )
            } else {
                (tail.clone(), tail.clone())
            }
        };
        let (fi, sv) = allowed("sallitut avaimet", "tillåtna nycklar");
        return text!(
            "tuntematon avain `{name}`{fi}",
            "okänd nyckel `{name}`{sv}",
            "{m}"
        );
    }
    if let Some((name, tail)) = field("missing field `")
        && tail.is_empty()
    {
        return text!("avain `{name}` puuttuu", "nyckeln `{name}` saknas", "{m}");
    }
    // Any other message of the TOML reader keeps its own words, led in.
    text!("TOML-virhe: {m}", "TOML-fel: {m}", "{m}")
}

/// The file a scenario extends, with the line it is named on.
fn extends_of(text: &str, file: &str) -> Result<Option<(String, usize)>> {
    let doc = parse_doc(text, file)?;
    let cx = Cx { file, text };
    doc.extends
        .map(|v| Ok((cx.text(&v, "extends")?, cx.line(v.span()))))
        .transpose()
}
