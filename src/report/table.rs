//! A plain text table: columns padded to their widest cell. On a terminal
//! narrower than the table (`fit_to`), the table is laid out to fit: a
//! long last text column (messages, notes) wraps under itself, and
//! otherwise the columns come in blocks, each repeating the table's key
//! columns (the year). Anywhere else (a file, a pipe, `--wide`) the table
//! is written at full width, byte for byte as always.

use std::cell::Cell;
use std::io::{self, Write};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub align: Vec<Align>,
    pub rows: Vec<Vec<String>>,
}

thread_local! {
    /// The width tables written on this thread must fit in; none: any.
    static WIDTH: Cell<Option<usize>> = const { Cell::new(None) };
}

/// The narrowest last column worth wrapping text into; narrower, the
/// columns go in blocks instead.
const MIN_WRAP: usize = 24;

/// Runs `write` with every table it writes fitted to `width` columns.
pub fn fit_to<R>(width: Option<usize>, write: impl FnOnce() -> R) -> R {
    let before = WIDTH.with(|w| w.replace(width));
    let r = write();
    WIDTH.with(|w| w.set(before));
    r
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

impl Table {
    pub fn new(headers: Vec<String>, align: Vec<Align>) -> Self {
        Table {
            headers,
            align,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    fn widths(&self, cols: &[usize]) -> Vec<usize> {
        cols.iter()
            .map(|&i| {
                std::iter::once(&self.headers)
                    .chain(self.rows.iter())
                    .map(|r| r.get(i).map_or(0, |c| chars(c)))
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }

    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let all: Vec<usize> = (0..self.headers.len()).collect();
        let width = self.widths(&all);
        let total = width.iter().sum::<usize>() + 2 * all.len().saturating_sub(1);
        match WIDTH.with(Cell::get) {
            Some(limit) if total > limit && all.len() > 1 => self.fitted(out, &width, limit),
            _ => self.block(out, &all, &width, None),
        }
    }

    /// The table within `limit` columns: the last column wrapped when it is
    /// text and the rest leaves it room, else blocks of columns.
    fn fitted(&self, out: &mut dyn Write, width: &[usize], limit: usize) -> io::Result<()> {
        let n = width.len();
        let last = n - 1;
        let before = width[..last].iter().sum::<usize>() + 2 * last;
        let text = self.align.get(last).copied().unwrap_or(Align::Left) == Align::Left;
        if text && before + MIN_WRAP <= limit {
            let all: Vec<usize> = (0..n).collect();
            let mut w = width.to_vec();
            w[last] = limit - before;
            return self.block(out, &all, &w, Some(limit - before));
        }
        // The key is the first column (the year, the line) and the
        // unnamed ones right after it (the kind of year): every block
        // repeats it, and takes as many of the others as fit.
        let keys = 1
            + (self.headers[1..last].iter())
                .take_while(|h| h.is_empty())
                .count();
        let key = width[..keys].iter().sum::<usize>() + 2 * keys;
        let mut blocks: Vec<Vec<usize>> = Vec::new();
        let mut used = key;
        for (i, w) in width.iter().enumerate().skip(keys) {
            let need = w + 2;
            match blocks.last_mut() {
                Some(b) if used + need <= limit + 2 => {
                    b.push(i);
                    used += need;
                }
                _ => {
                    blocks.push((0..keys).chain([i]).collect());
                    used = key + need;
                }
            }
        }
        for (k, cols) in blocks.iter().enumerate() {
            if k > 0 {
                writeln!(out)?;
            }
            let w = self.widths(cols);
            self.block(out, cols, &w, None)?;
        }
        Ok(())
    }

    /// The columns `cols` with their widths; `wrap` folds the last one's
    /// text into lines of that many characters.
    fn block(
        &self,
        out: &mut dyn Write,
        cols: &[usize],
        width: &[usize],
        wrap: Option<usize>,
    ) -> io::Result<()> {
        let n = cols.len();
        let line = |out: &mut dyn Write, row: &[String]| -> io::Result<()> {
            let empty = String::new();
            let cell = |j: usize| row.get(cols[j]).unwrap_or(&empty);
            let last: Vec<String> = match wrap {
                Some(w) => wrapped(cell(n - 1), w),
                None => vec![cell(n - 1).clone()],
            };
            for (k, tail) in last.iter().enumerate() {
                let mut s = String::new();
                for j in 0..n {
                    let c = match (j + 1 == n, k) {
                        (true, _) => tail,
                        (false, 0) => cell(j),
                        (false, _) => &empty,
                    };
                    let pad = width[j].saturating_sub(chars(c));
                    if j > 0 {
                        s.push_str("  ");
                    }
                    match self.align.get(cols[j]).copied().unwrap_or(Align::Left) {
                        Align::Left => {
                            s.push_str(c);
                            if j + 1 < n {
                                s.push_str(&" ".repeat(pad));
                            }
                        }
                        Align::Right => {
                            s.push_str(&" ".repeat(pad));
                            s.push_str(c);
                        }
                    }
                }
                writeln!(out, "{}", s.trim_end())?;
            }
            Ok(())
        };
        line(out, &self.headers)?;
        let total: usize = width.iter().sum::<usize>() + 2 * n.saturating_sub(1);
        writeln!(out, "{}", "─".repeat(total))?;
        for r in &self.rows {
            line(out, r)?;
        }
        Ok(())
    }
}

/// `text` in lines of at most `width` characters, broken at spaces; a word
/// longer than a line is cut.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split(' ') {
        let mut word = word.to_string();
        while chars(&word) > width {
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
        }
        let room = if cur.is_empty() { 0 } else { 1 };
        if chars(&cur) + room + chars(&word) > width && !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        } else if room == 1 {
            cur.push(' ');
        }
        cur.push_str(&word);
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// A line of prose (a note, a legend) within `width` columns, broken at
/// spaces; the lines after the first are indented under its text: past
/// its leading spaces and a note's "[n] ". A word longer than the width
/// keeps its own line whole. A line that fits comes back as it is.
pub fn wrap_line(line: &str, width: usize) -> String {
    if chars(line) <= width {
        return line.to_string();
    }
    let lead = line.len() - line.trim_start_matches(' ').len();
    let body = &line[lead..];
    let mark = body
        .strip_prefix('[')
        .and_then(|r| r.split_once("] "))
        .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        .map_or(0, |(n, _)| n.len() + 3);
    let hang = " ".repeat((lead + mark).min(width / 2));
    let mut out = String::new();
    let mut cur = line[..lead].to_string();
    let mut cur_len = lead;
    let mut fresh = true;
    for word in body.split(' ') {
        let w = chars(word);
        if !fresh && cur_len + 1 + w > width {
            out.push_str(cur.trim_end());
            out.push('\n');
            cur = hang.clone();
            cur_len = chars(&hang);
            fresh = true;
        }
        if !fresh {
            cur.push(' ');
            cur_len += 1;
        }
        cur.push_str(word);
        cur_len += w;
        fresh = false;
    }
    out.push_str(&cur);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        let mut t = Table::new(
            vec![
                "Vuosi".into(),
                "Yksi".into(),
                "Kaksi".into(),
                "Kolme".into(),
            ],
            vec![Align::Left, Align::Right, Align::Right, Align::Right],
        );
        t.push(vec![
            "2024".into(),
            "1 000".into(),
            "22 000".into(),
            "333 000".into(),
        ]);
        t.push(vec![
            "2025".into(),
            "4 000".into(),
            "55 000".into(),
            "666 000".into(),
        ]);
        t
    }

    fn text(t: &Table, width: Option<usize>) -> String {
        let mut out = Vec::new();
        fit_to(width, || t.write(&mut out)).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn wide_enough_or_unlimited_is_the_full_table() {
        let full = text(&table(), None);
        assert_eq!(full.lines().next(), Some("Vuosi   Yksi   Kaksi    Kolme"));
        assert_eq!(text(&table(), Some(200)), full);
        assert_eq!(text(&table(), Some(29)), full, "exactly as wide fits");
    }

    #[test]
    fn narrower_gives_blocks_that_each_repeat_the_year_and_fit() {
        let t = table();
        let s = text(&t, Some(22));
        for l in s.lines() {
            assert!(chars(l) <= 22, "{l:?} is wider than 22");
        }
        let blocks: Vec<&str> = s.split("\n\n").collect();
        assert_eq!(blocks.len(), 2, "{s}");
        assert!(blocks[0].starts_with("Vuosi") && blocks[1].starts_with("Vuosi"));
        // Every figure is still there, on its year's row.
        for v in ["1 000", "22 000", "333 000", "4 000", "55 000", "666 000"] {
            assert_eq!(s.matches(v).count(), 1, "{v} in\n{s}");
        }
        assert!(
            s.lines()
                .any(|l| l.starts_with("2025") && l.contains("666 000"))
        );
    }

    #[test]
    fn unnamed_columns_after_the_first_belong_to_the_key() {
        let mut t = table();
        t.headers.insert(1, String::new());
        t.align.insert(1, Align::Left);
        for (r, kind) in t.rows.iter_mut().zip(["TP", "TA"]) {
            r.insert(1, kind.into());
        }
        let s = text(&t, Some(26));
        let blocks: Vec<&str> = s.split("\n\n").collect();
        assert!(blocks.len() >= 2, "{s}");
        for b in blocks {
            assert!(b.lines().nth(2).unwrap().starts_with("2024   TP"), "{b}");
        }
    }

    #[test]
    fn prose_wraps_at_spaces_under_its_text() {
        assert_eq!(wrap_line("short", 10), "short");
        assert_eq!(
            wrap_line("  [12] one two three four", 17),
            "  [12] one two\n       three four"
        );
        assert_eq!(
            wrap_line("Prisindex: KPHI (kuntien)", 12),
            "Prisindex:\nKPHI\n(kuntien)"
        );
        // A word wider than the width keeps its line whole.
        assert_eq!(wrap_line("a verylongword b", 5), "a\nverylongword\nb");
    }

    #[test]
    fn a_long_message_column_wraps_under_itself() {
        let mut t = Table::new(
            vec!["Cell".into(), "Message".into()],
            vec![Align::Left, Align::Left],
        );
        let msg = "the balance sheet does not balance: assets 14 755 000, liabilities 14 750 000";
        t.push(vec!["Tase!B12".into(), msg.into()]);
        let s = text(&t, Some(40));
        for l in s.lines() {
            assert!(chars(l) <= 40, "{l:?}");
        }
        // The words in order, continuation lines indented to the column.
        let words: Vec<&str> = s
            .lines()
            .skip(2)
            .flat_map(|l| l.split_whitespace())
            .collect();
        let expected: Vec<&str> = std::iter::once("Tase!B12").chain(msg.split(' ')).collect();
        assert_eq!(words, expected);
        assert!(s.lines().nth(3).unwrap().starts_with("          "));
    }

    #[test]
    fn wrapping_cuts_only_words_longer_than_a_line() {
        assert_eq!(wrapped("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrapped("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrapped("", 3), vec![""]);
    }
}
