//! Synthetic municipalities for trying `kivijalka batch` and for its
//! benchmark: each is the example city's statements reshaped by a seeded
//! draw of size (about 900 to 450 000 residents), tax rate, cost level,
//! investment pace, debt and population trend, with the 2023 reform in every
//! one, some without group statements or plan years, some in euros, Swedish
//! or text numbers. The same seed gives the same files.
//!
//! ```sh
//! cargo run --release --example synth -- --count 300 --seed 7 --out /tmp/municipalities
//! cargo run --release --example synth -- --count 300 --seed 7 --long /tmp/all.csv
//! ```

#[path = "make_example.rs"]
mod make_example;

use std::path::{Path, PathBuf};

use kivijalka::model::items;
use make_example::{Figures, LAST_ACTUAL, Meta, Opening, Style};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

/// xorshift64*: small, seeded, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    fn normal(&mut self) -> f64 {
        let (u, v) = (self.unit().max(1e-12), self.unit());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

const FIRST: [&str; 12] = [
    "Kivi", "Järvi", "Koski", "Lahti", "Salmi", "Niemi", "Mäki", "Harju", "Laakso", "Ranta",
    "Kallio", "Suo",
];
const SECOND: [&str; 10] = [
    "joki", "vesi", "kylä", "maa", "saari", "lampi", "vaara", "kangas", "pelto", "linna",
];

/// Whether a line adds up, at any depth, into `top`.
fn under(id: &str, top: &str) -> bool {
    let mut cur = items::item(id).parent;
    while let Some(p) = cur {
        if p == top {
            return true;
        }
        cur = items::item(p).parent;
    }
    false
}

fn is_cost(id: &str) -> bool {
    under(id, "tl.toimintakulut")
}

fn dec(v: f64) -> Decimal {
    Decimal::from_f64(v).unwrap_or_default().round()
}

/// One synthetic municipality: its figures (t€), name and layout.
fn municipality(
    lines: &Figures,
    opening: &Opening,
    rng: &mut Rng,
    i: usize,
) -> (Figures, String, String, Style) {
    let size = (0.9 * rng.normal()).exp().clamp(0.05, 25.0);
    let rate_shift = rng.range(-1.0, 1.5);
    let cost = rng.range(0.96, 1.07);
    let invest = rng.range(0.5, 1.8);
    let debt = rng.range(0.2, 2.5);
    let pop_trend = rng.range(-0.015, 0.01);
    let noise = 0.04;
    let has_group = !rng.chance(0.2);
    let has_plan = !rng.chance(0.1);
    let mut f: Figures = Figures::new();
    let mut jitters: std::collections::BTreeMap<(&str, String, i32), f64> = Default::default();
    for (&(e, id, y), v) in lines {
        if e == "group" && !has_group {
            continue;
        }
        if y > LAST_ACTUAL && !has_plan {
            continue;
        }
        let x = v.to_f64().unwrap_or_default();
        // The same line in two statements (taxes, extraordinary items) moves
        // alike, so the statements still agree.
        let suffix = id.split_once('.').map(|x| x.1).unwrap_or(id);
        let jitter = *jitters
            .entry((e, suffix.to_string(), y))
            .or_insert_with(|| 1.0 + rng.range(-noise, noise));
        let value = match id {
            "bg.asukasluku" => {
                let years = (y - 2019) as f64;
                x * size * (1.0 + pop_trend).powf(years)
            }
            "bg.tuloveroprosentti" => x + rate_shift,
            _ if id.starts_with("bg.") => x * size * debt.sqrt(),
            "tl.verotulot" => {
                let rate = if y < 2023 { 20.5 } else { 7.86 };
                x * size * (rate + rate_shift) / rate * jitter
            }
            _ if is_cost(id) => x * size * cost * jitter,
            "rl.investointimenot"
            | "rl.rahoitusosuudet"
            | "rl.luovutustulot"
            | "rl.pitkaaikaisten_lainojen_lisays" => x * size * invest * jitter,
            "rl.pitkaaikaisten_lainojen_vahennys" | "tl.korkokulut" => x * size * debt * jitter,
            _ => x * size * jitter,
        };
        let value = if id == "bg.tuloveroprosentti" {
            Decimal::from_f64(value).unwrap_or_default().round_dp(2)
        } else {
            dec(value)
        };
        f.insert((e, id, y), value);
    }
    let mut open: Opening = Opening::new();
    for (&(e, id), v) in opening {
        if e == "group" && !has_group {
            continue;
        }
        open.insert((e, id), dec(v.to_f64().unwrap_or_default() * size));
    }
    // More or less debt at the start, against the accumulated surplus: some
    // municipalities start in deficit.
    for e in ["city", "group"] {
        if let Some(l) = open.get(&(e, "ta.pa_rahoituslaitokset")).copied() {
            let extra = dec(l.to_f64().unwrap_or_default() * (debt - 1.0));
            *open.get_mut(&(e, "ta.pa_rahoituslaitokset")).unwrap() += extra;
            *open.entry((e, "ta.edellisten_ylijaama")).or_default() -= extra;
        }
    }
    // Rounding the scaled lines leaves the opening balance a few t€ off:
    // the accumulated surplus takes the difference.
    for e in ["city", "group"] {
        let side = |top: &str| -> Decimal {
            open.iter()
                .filter(|((ee, id), _)| *ee == e && under(id, top))
                .map(|(_, v)| *v)
                .sum()
        };
        let gap = side("ta.vastaavaa") - side("ta.vastattavaa");
        if open.keys().any(|k| k.0 == e) {
            *open.entry((e, "ta.edellisten_ylijaama")).or_default() += gap;
        }
    }
    let name = format!(
        "{}{} {}",
        FIRST[i % FIRST.len()],
        SECOND[(i / FIRST.len()) % SECOND.len()],
        i + 1
    );
    let code = format!("{}", 1000 + i);
    let style = Style {
        euros: rng.chance(0.25),
        swedish: rng.chance(0.05),
        text_numbers: rng.chance(0.1),
        ..Style::default()
    };
    (make_example::derive_from(f, &open), name, code, style)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let get = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let count: usize = get("--count").and_then(|s| s.parse().ok()).unwrap_or(300);
    let seed: u64 = get("--seed").and_then(|s| s.parse().ok()).unwrap_or(7);
    let out = get("--out").map(PathBuf::from);
    let long = get("--long").map(PathBuf::from);
    if out.is_none() && long.is_none() {
        eprintln!("usage: synth [--count N] [--seed S] (--out FOLDER | --long FILE.csv)");
        std::process::exit(2);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (lines, opening) = make_example::read_source(&root.join("data/kivikoski"));
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut table = String::from("municipality,code,entity,year,kind,item,value,unit\n");
    if let Some(dir) = &out {
        std::fs::create_dir_all(dir).expect("create the folder");
    }
    for i in 0..count {
        let (f, name, code, style) = municipality(&lines, &opening, &mut rng, i);
        if let Some(dir) = &out {
            let file = dir.join(format!("{:03}-{}.xlsx", i + 1, code));
            let title = name.clone();
            make_example::write_as(
                &f,
                style,
                &file,
                &Meta {
                    name: &name,
                    code: &code,
                    title: &title,
                },
            );
        }
        if long.is_some() {
            for ((e, id, y), v) in &f {
                let kind = if *y <= LAST_ACTUAL {
                    "TP"
                } else if *y == make_example::BUDGET {
                    "TA"
                } else {
                    "TS"
                };
                let (v, unit) = if matches!(*id, "bg.asukasluku" | "bg.tuloveroprosentti") {
                    (v.to_string(), "")
                } else {
                    (v.to_string(), "t€")
                };
                table.push_str(&format!("{name},{code},{e},{y},{kind},{id},{v},{unit}\n"));
            }
        }
    }
    if let Some(p) = &long {
        std::fs::write(p, table).expect("write the table");
    }
    eprintln!("{count} synthetic municipalities (seed {seed})");
}
