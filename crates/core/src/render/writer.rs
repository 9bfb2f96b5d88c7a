//! A small indentation-aware text writer for the generated code.

/// Builds text line by line with a current indentation level.
#[derive(Debug, Clone)]
pub(crate) struct Writer {
    out: String,
    level: usize,
    unit: &'static str,
}

impl Writer {
    /// A writer indenting by `unit` per level.
    pub fn new(unit: &'static str) -> Self {
        Self {
            out: String::new(),
            level: 0,
            unit,
        }
    }

    /// Writes one line at the current indentation (an empty line stays empty).
    pub fn line(&mut self, text: impl AsRef<str>) {
        let text = text.as_ref();
        if !text.is_empty() {
            for _ in 0..self.level {
                self.out.push_str(self.unit);
            }
            self.out.push_str(text);
        }
        self.out.push('\n');
    }

    /// Writes each line of a multi-line text at the current indentation.
    pub fn lines(&mut self, text: &str) {
        for l in text.lines() {
            self.line(l);
        }
    }

    /// Writes an empty line (at most one in a row).
    pub fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    /// Writes a line and indents what follows.
    pub fn open(&mut self, text: impl AsRef<str>) {
        self.line(text);
        self.level += 1;
    }

    /// Outdents and writes a line.
    pub fn close(&mut self, text: impl AsRef<str>) {
        self.level = self.level.saturating_sub(1);
        self.line(text);
    }

    /// Indents one level without writing.
    pub fn indent(&mut self) {
        self.level += 1;
    }

    /// Outdents one level without writing.
    pub fn dedent(&mut self) {
        self.level = self.level.saturating_sub(1);
    }

    /// Writes `text` wrapped at about 96 columns as comment lines starting with `prefix`.
    pub fn comment(&mut self, prefix: &str, text: &str) {
        let width = 96usize.saturating_sub(self.level * self.unit.len() + prefix.len() + 1);
        let mut current = String::new();
        for word in text.split_whitespace() {
            if !current.is_empty() && current.len() + 1 + word.len() > width.max(40) {
                self.line(format!("{prefix} {current}"));
                current.clear();
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        if !current.is_empty() {
            self.line(format!("{prefix} {current}"));
        }
    }

    /// The text written so far.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_and_wraps() {
        let mut w = Writer::new("  ");
        w.open("a {");
        w.line("b");
        w.blank();
        w.blank();
        w.comment("#", &"word ".repeat(30));
        w.close("}");
        let text = w.finish();
        assert!(text.starts_with("a {\n  b\n\n  # word"));
        assert!(text.lines().all(|l| l.len() <= 96));
        assert!(text.ends_with("word\n}\n"));
    }
}
