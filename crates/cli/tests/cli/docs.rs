//! The documentation cannot drift from the CLI: every `apifront …` command the Markdown files
//! show (in code blocks and inline code) is put to the real binary, and every relative link
//! points to a file inside the repository.
//!
//! A command is checked by running it with `--help` appended: clap rejects an unknown
//! subcommand, an unknown flag and a value outside a flag's possible values before it prints
//! help, and with `--help` nothing is read or written. A synopsis line such as
//! `--format text|json|sarif` is run once per alternative.

use super::apifront;
use std::path::{Path, PathBuf};

/// The repository's root.
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The Markdown files users read: the top-level ones and the packages' and deployment's READMEs.
fn markdown_files() -> Vec<PathBuf> {
    let root = repo_root();
    let mut files = Vec::new();
    for dir in [root.clone(), root.join("deploy")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    for entry in std::fs::read_dir(root.join("packages")).unwrap() {
        let readme = entry.unwrap().path().join("README.md");
        if readme.is_file() {
            files.push(readme);
        }
    }
    files.sort();
    assert!(
        files.iter().any(|f| f.ends_with("README.md")),
        "no README found under {}",
        root.display()
    );
    files
}

/// The Markdown whose commands are checked (the changelog records history, so it is left out).
fn documents_with_commands() -> Vec<PathBuf> {
    markdown_files()
        .into_iter()
        .filter(|f| !f.ends_with("CHANGELOG.md"))
        .collect()
}

/// A Markdown text split into the lines of its fenced code blocks and the rest (prose).
struct Split {
    code_lines: Vec<String>,
    prose: String,
}

fn split_fences(text: &str) -> Split {
    let mut code_lines = Vec::new();
    let mut prose = String::new();
    let mut fence: Option<String> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let marker: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        match &fence {
            Some(open) if marker.len() >= open.len() && marker.starts_with(&open[..1]) => {
                fence = None
            }
            Some(_) => code_lines.push(line.to_string()),
            None if marker.len() >= 3 => fence = Some(marker),
            None => {
                prose.push_str(line);
                prose.push('\n');
            }
        }
    }
    Split { code_lines, prose }
}

/// The contents of the inline code spans of prose (a span may run over a line break).
fn inline_code(prose: &str) -> Vec<String> {
    let mut spans = Vec::new();
    let mut rest = prose;
    while let Some(start) = rest.find('`') {
        let ticks = rest[start..].chars().take_while(|&c| c == '`').count();
        let after = &rest[start + ticks..];
        let closing = "`".repeat(ticks);
        match after.find(&closing) {
            Some(end) => {
                spans.push(after[..end].replace('\n', " ").trim().to_string());
                rest = &after[end + ticks..];
            }
            None => break,
        }
    }
    spans
}

/// Where `apifront` may start a command in a piece of code.
#[derive(Clone, Copy)]
enum Place {
    /// Inline code: anywhere after a space (`taskset -c 0 apifront lint …`).
    Inline,
    /// A line of a code block: at its start, after a `$ ` prompt or after a `key:` (`= see:
    /// apifront explain SLUG`), so prose in comments and trees (`the apifront binary`) is not
    /// taken for a command.
    CodeLine,
}

/// The `apifront …` command a piece of code shows, as its words after `apifront` (and after a
/// `--` that separates them from `cargo run`'s). `apifront` must be a word of its own, followed
/// by a subcommand or a flag (so `apifront: 0 problems` or `apifront 0.1.0, rule set …` are
/// not commands).
fn command_in(code: &str, place: Place) -> Option<String> {
    let mut search = 0;
    while let Some(found) = code[search..].find("apifront") {
        let at = search + found;
        search = at + "apifront".len();
        let before = code[..at].trim_end();
        let separated = code[..at].is_empty() || code[..at].ends_with([' ', '$']);
        let after = &code[search..];
        let (after, via_cargo) = match after.strip_prefix(" -- ") {
            Some(rest) => (rest, true),
            None => match after.strip_prefix(' ') {
                Some(rest) => (rest, false),
                None => continue,
            },
        };
        let placed = via_cargo
            || match place {
                Place::Inline => separated,
                Place::CodeLine => {
                    separated && (before.is_empty() || before == "$" || before.ends_with(':'))
                }
            };
        let rest = after.trim_start();
        if placed && (rest.starts_with('-') || rest.starts_with(|c: char| c.is_ascii_lowercase())) {
            return Some(rest.to_string());
        }
    }
    None
}

/// Splits a command as a shell would (quotes group words), dropping the synopsis punctuation:
/// brackets and parentheses, a lone `|` between alternatives, and a trailing `...`.
fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut chars = command.chars();
    let end_word = |word: &mut String, words: &mut Vec<String>| {
        let trimmed = word
            .trim_end_matches("...")
            .trim_end_matches('…')
            .to_string();
        if !trimmed.is_empty() && trimmed != "|" {
            words.push(trimmed);
        }
        word.clear();
    };
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => quote = Some(c),
            (None, '\\') => {
                if let Some(next) = chars.next() {
                    word.push(next);
                }
            }
            (None, '[' | ']' | '(' | ')') => {}
            (None, c) if c.is_whitespace() => end_word(&mut word, &mut words),
            (None, c) => word.push(c),
        }
    }
    end_word(&mut word, &mut words);
    words
}

/// Every way to run a synopsis: a word with alternatives (`text|json`) takes each of them in
/// turn while the others take their first.
fn expansions(words: &[String]) -> Vec<Vec<String>> {
    let alternatives: Vec<Vec<String>> = words
        .iter()
        .map(|w| {
            if w.contains('|') && !w.contains(' ') {
                w.split('|')
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
                    .collect()
            } else {
                vec![w.clone()]
            }
        })
        .collect();
    let first: Vec<String> = alternatives.iter().map(|a| a[0].clone()).collect();
    let mut runs = vec![first.clone()];
    for (i, choices) in alternatives.iter().enumerate() {
        for choice in &choices[1..] {
            let mut run = first.clone();
            run[i] = choice.clone();
            runs.push(run);
        }
    }
    runs
}

/// What the binary says about these arguments with `--help` appended: `None` when it accepts
/// them, otherwise its error.
fn rejection(args: &[String]) -> Option<String> {
    let output = apifront()
        .args(args)
        .arg("--help")
        .output()
        .expect("the binary runs");
    if output.status.success() {
        None
    } else {
        Some(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}

/// Every command the documents show, with where it was found.
fn documented_commands() -> Vec<(String, String)> {
    let mut commands = Vec::new();
    for file in documents_with_commands() {
        let name = file
            .strip_prefix(repo_root())
            .unwrap_or(&file)
            .display()
            .to_string();
        let split = split_fences(&std::fs::read_to_string(&file).unwrap());
        let lines = split.code_lines.into_iter().map(|l| (l, Place::CodeLine));
        let spans = inline_code(&split.prose)
            .into_iter()
            .map(|s| (s, Place::Inline));
        for (code, place) in lines.chain(spans) {
            if let Some(command) = command_in(&code, place) {
                commands.push((name.clone(), command));
            }
        }
    }
    commands
}

/// `explain` with a real slug (not the placeholder `SLUG`) is run: the rule must exist.
fn unknown_rule(command: &str) -> Option<String> {
    let args = words(command);
    match args.as_slice() {
        [explain, slug]
            if explain == "explain" && slug.chars().all(|c| c.is_ascii_lowercase() || c == '-') =>
        {
            let output = apifront().args(&args).output().expect("the binary runs");
            (!output.status.success())
                .then(|| String::from_utf8_lossy(&output.stderr).trim().to_string())
        }
        _ => None,
    }
}

/// The problems the binary finds with the documents' commands, one line each.
fn command_problems(commands: &[(String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (file, command) in commands {
        if let Some(problem) = unknown_rule(command) {
            problems.push(format!("{file}: `apifront {command}`: {problem}"));
        }
        for run in expansions(&words(command)) {
            if let Some(error) = rejection(&run) {
                let first_line = error.lines().next().unwrap_or_default().to_string();
                let seen = format!("{file}: `apifront {command}`");
                if problems
                    .iter()
                    .any(|p| p.starts_with(&seen) && p.ends_with(&first_line))
                {
                    continue;
                }
                problems.push(format!(
                    "{file}: `apifront {command}` (run as `apifront {}`): {first_line}",
                    run.join(" ")
                ));
            }
        }
    }
    problems
}

#[test]
fn every_documented_command_flag_and_format_is_accepted_by_the_cli() {
    let commands = documented_commands();
    let readme_commands: Vec<&str> = commands
        .iter()
        .filter(|(file, _)| file == "README.md")
        .map(|(_, c)| c.as_str())
        .collect();
    for sub in [
        "lint ",
        "fix ",
        "generate ",
        "trace ",
        "map ",
        "share-link ",
    ] {
        assert!(
            readme_commands.iter().any(|c| c.starts_with(sub)),
            "the README shows no `apifront {sub}…` command: is the parser still finding them? {readme_commands:#?}"
        );
    }
    let problems = command_problems(&commands);
    assert!(
        problems.is_empty(),
        "the CLI rejects what the documentation shows:\n{}",
        problems.join("\n")
    );
}

/// A format named alone in prose (`--format json`) must be accepted by some subcommand. (Other
/// lone flags are left alone: the README also names flags of `aws`, `trunk` and `cargo`.)
#[test]
fn every_format_named_alone_in_the_readme_is_accepted_by_some_subcommand() {
    let subcommands = [
        "lint",
        "fix",
        "generate",
        "presets",
        "import",
        "rules",
        "explain",
        "share-link",
        "trace",
        "map",
        "completions",
    ];
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let mut problems = Vec::new();
    for span in inline_code(&split_fences(&readme).prose) {
        if !span.starts_with("--format ") {
            continue;
        }
        let args = words(&span);
        let accepted = subcommands.iter().any(|sub| {
            let mut run = vec![sub.to_string()];
            run.extend(args.iter().cloned());
            rejection(&run).is_none()
        });
        if !accepted {
            problems.push(format!("`{span}`"));
        }
    }
    assert!(
        problems.is_empty(),
        "no subcommand accepts these formats the README names:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_rejects_what_the_cli_rejects() {
    let bad = [
        (
            "README.md".to_string(),
            "generate --preset http-api --format cdk-py".to_string(),
        ),
        (
            "README.md".to_string(),
            "lint --formats json PATH".to_string(),
        ),
        (
            "README.md".to_string(),
            "lint --format text|json|yaml".to_string(),
        ),
        ("README.md".to_string(), "deploy PATH".to_string()),
        ("README.md".to_string(), "explain no-such-rule".to_string()),
    ];
    let problems = command_problems(&bad);
    assert_eq!(problems.len(), 5, "{problems:#?}");
    assert!(problems[0].contains("cdk-py"), "{}", problems[0]);
    assert!(problems[2].contains("yaml"), "{}", problems[2]);
    let good = [(
        "README.md".to_string(),
        "trace FILE --request \"GET https://x/\" [--header \"Name: value\"]... [--format text|json]"
            .to_string(),
    )];
    assert_eq!(command_problems(&good), Vec::<String>::new());
}

#[test]
fn commands_are_found_in_synopses_prompts_and_inline_code() {
    let code = Place::CodeLine;
    let inline = Place::Inline;
    assert_eq!(
        command_in("$ apifront trace a.yaml --request 'GET /'", code).as_deref(),
        Some("trace a.yaml --request 'GET /'")
    );
    assert_eq!(
        command_in("  = see: apifront explain some-rule", code).as_deref(),
        Some("explain some-rule")
    );
    assert_eq!(
        command_in("taskset -c 0 apifront lint --format json DIR", inline).as_deref(),
        Some("lint --format json DIR")
    );
    assert_eq!(
        command_in("cargo run --release --bin apifront -- lint t.yaml", inline).as_deref(),
        Some("lint t.yaml")
    );
    assert_eq!(command_in("# Lint with apifront on every push", code), None);
    assert_eq!(command_in("crates/cli/   the apifront binary", code), None);
    assert_eq!(command_in("apifront: 0 problems", inline), None);
    assert_eq!(
        command_in("apifront 0.1.0, rule set 71b31306", inline),
        None
    );
    assert_eq!(command_in("import { lint } from \"apifront\";", code), None);
    assert_eq!(
        words(
            "fix [--unsafe] [--diff | --stdout] [--disable SLUG]... (--preset NAME | --state FILE)"
        ),
        [
            "fix",
            "--unsafe",
            "--diff",
            "--stdout",
            "--disable",
            "SLUG",
            "--preset",
            "NAME",
            "--state",
            "FILE"
        ]
    );
    assert_eq!(
        inline_code("a `apifront lint\ncdk.out` b ``x`y``"),
        ["apifront lint cdk.out", "x`y"]
    );
}

/// The target of every inline Markdown link and link reference definition.
fn link_targets(prose: &str) -> Vec<String> {
    let mut targets = Vec::new();
    let mut rest = prose;
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let end = after.find(')').unwrap_or(after.len());
        let inside = &after[..end];
        let target = match inside.strip_prefix('<') {
            Some(bracketed) => bracketed.split('>').next().unwrap_or_default(),
            None => inside.split_whitespace().next().unwrap_or_default(),
        };
        targets.push(target.to_string());
        rest = &after[end..];
    }
    for line in prose.lines() {
        let line = line.trim_start();
        if let Some(close) = line.strip_prefix('[').and_then(|l| l.find("]: ")) {
            let target = line[close + 4..]
                .split_whitespace()
                .next()
                .unwrap_or_default();
            targets.push(target.to_string());
        }
    }
    targets
}

fn is_external(target: &str) -> bool {
    target.starts_with('#')
        || ["http://", "https://", "mailto:"]
            .iter()
            .any(|scheme| target.starts_with(scheme))
}

#[test]
fn every_relative_link_points_to_a_file_in_the_repository() {
    let root = repo_root().canonicalize().unwrap();
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in markdown_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let dir = file.parent().unwrap();
        for target in link_targets(&split_fences(&text).prose) {
            if target.is_empty() || is_external(&target) {
                continue;
            }
            checked += 1;
            let path = target.split('#').next().unwrap_or_default();
            let name = file
                .strip_prefix(repo_root())
                .unwrap_or(&file)
                .display()
                .to_string();
            match dir.join(path).canonicalize() {
                Ok(resolved) if resolved.starts_with(&root) => {}
                Ok(_) => problems.push(format!("{name}: `{target}` leaves the repository")),
                Err(_) => problems.push(format!("{name}: `{target}` does not exist")),
            }
        }
    }
    assert!(checked > 5, "only {checked} relative links found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn links_are_found_inline_and_as_references() {
    let prose = "see [a](docs/a.md#x \"title\") and [b](<b c.md>)\n[ref]: ./c.md\n";
    assert_eq!(link_targets(prose), ["docs/a.md#x", "b c.md", "./c.md"]);
}
