//! A plain text table: columns padded to their widest cell.

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

    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let n = self.headers.len();
        let mut width = vec![0usize; n];
        for row in std::iter::once(&self.headers).chain(self.rows.iter()) {
            for (i, c) in row.iter().enumerate().take(n) {
                width[i] = width[i].max(c.chars().count());
            }
        }
        let line = |out: &mut dyn Write, row: &[String]| -> io::Result<()> {
            let mut s = String::new();
            for (i, c) in row.iter().enumerate().take(n) {
                let pad = width[i] - c.chars().count();
                if i > 0 {
                    s.push_str("  ");
                }
                match self.align.get(i).copied().unwrap_or(Align::Left) {
                    Align::Left => {
                        s.push_str(c);
                        if i + 1 < n {
                            s.push_str(&" ".repeat(pad));
                        }
                    }
                    Align::Right => {
                        s.push_str(&" ".repeat(pad));
                        s.push_str(c);
                    }
                }
            }
            writeln!(out, "{}", s.trim_end())
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
