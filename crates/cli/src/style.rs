//! Terminal styles. Output goes through `anstream`, which drops the colours when the stream is
//! not a terminal or `NO_COLOR` is set (and forces them with `CLICOLOR_FORCE`).

use anstyle::{AnsiColor, Style};

pub const ERROR: Style = AnsiColor::Red.on_default().bold();
pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
pub const INFO: Style = AnsiColor::Cyan.on_default().bold();
pub const HELP: Style = AnsiColor::Green.on_default().bold();
pub const GUTTER: Style = AnsiColor::Blue.on_default().bold();
pub const BOLD: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();

/// `text` wrapped in `style`'s escape codes.
pub fn paint(style: Style, text: impl std::fmt::Display) -> String {
    format!("{style}{text}{style:#}")
}
