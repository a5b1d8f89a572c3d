//! Man pages in `man/`: `hubint.1` plus one page per subcommand, rendered
//! with clap_mangen from the CLI definition, with the exit codes,
//! environment, files and examples of hubint's `docs` added to every page.

use std::path::{Path, PathBuf};

use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};
use hubint::docs;

/// Every page as (path under the repository root, roff source).
pub fn files() -> Vec<(PathBuf, Vec<u8>)> {
    pages()
        .into_iter()
        .map(|(name, page)| (Path::new("man").join(name), page))
        .collect()
}

/// Every page as (file name, roff source), the top page first.
fn pages() -> Vec<(String, Vec<u8>)> {
    let (cmd, shorthands) = man_command();
    let mut names = Vec::new();
    page_names(&cmd, "hubint", &mut names);
    let mut pages = Vec::new();
    render_tree(&cmd, &[], &shorthands, &names, &mut pages);
    pages
}

/// The command tree as the pages show it: no `help` subcommand, and the
/// top-level shorthands for `integration` subcommands (`hubint add`) hidden,
/// since they are the same commands (hubint(1) names them). Returns the
/// shorthands' names.
fn man_command() -> (clap::Command, Vec<String>) {
    let mut cmd = hubint::cli::command().disable_help_subcommand(true);
    let shorthands = hubint::cli::shorthands(&cmd);
    for name in &shorthands {
        cmd = cmd.mut_subcommand(name, |c| c.hide(true));
    }
    cmd.build();
    (cmd, shorthands)
}

fn visible(cmd: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    cmd.get_subcommands().filter(|c| !c.is_hide_set())
}

fn page_names(cmd: &clap::Command, name: &str, out: &mut Vec<String>) {
    out.push(name.to_string());
    for sub in visible(cmd) {
        page_names(sub, &format!("{name}-{}", sub.get_name()), out);
    }
}

fn render_tree(
    cmd: &clap::Command,
    path: &[&str],
    shorthands: &[String],
    all: &[String],
    out: &mut Vec<(String, Vec<u8>)>,
) {
    let name = std::iter::once("hubint")
        .chain(path.iter().copied())
        .collect::<Vec<_>>()
        .join("-");
    let page = render(cmd, &name, &path.join(" "), shorthands, all);
    out.push((format!("{name}.1"), page));
    for sub in visible(cmd) {
        let mut sub_path = path.to_vec();
        sub_path.push(sub.get_name());
        render_tree(sub, &sub_path, shorthands, all, out);
    }
}

fn render(
    cmd: &clap::Command,
    name: &str,
    path: &str,
    shorthands: &[String],
    all: &[String],
) -> Vec<u8> {
    let man = Man::new(cmd.clone())
        .title(name.to_uppercase())
        .source(format!(
            "hubint {}",
            cmd.get_version().expect("hubint has a version")
        ))
        .manual("hubint manual");
    let preamble = Roff::new().render();
    let mut out = preamble.clone().into_bytes();
    let mut section = |render: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
        let mut buf = Vec::new();
        render(&mut buf).expect("writing to memory cannot fail");
        out.extend_from_slice(&buf[preamble.len()..]);
    };
    section(&|w| man.render_title(w));
    section(&|w| man.render_name_section(w));
    section(&|w| man.render_synopsis_section(w));
    section(&|w| man.render_description_section(w));
    section(&|w| man.render_options_section(w));
    if visible(cmd).next().is_some() {
        section(&|w| man.render_subcommands_section(w));
    }

    let mut roff = Roff::new();
    if path.is_empty() && !shorthands.is_empty() {
        let (last, rest) = shorthands.split_last().expect("not empty");
        roff.control("PP", []);
        roff.text([
            bold(format!("hubint {}", rest.join(", "))),
            roman(" and "),
            bold(last.as_str()),
            roman(" are shorthands for the "),
            bold("hubint integration"),
            roman(" subcommands of the same name."),
        ]);
    }
    if path.is_empty() {
        reference(&mut roff);
    } else {
        own_rules(&mut roff, path);
    }
    examples(&mut roff, path);
    roff.control("SH", ["SEE ALSO"]);
    // Page names are long and full of hyphens: never break them.
    roff.control("nh", []);
    roff.control("ad", ["l"]);
    let see_also: Vec<&String> = all
        .iter()
        .filter(|other| *other != name && related(name, other))
        .collect();
    let mut refs = Vec::new();
    for (i, other) in see_also.iter().enumerate() {
        refs.push(bold(other.as_str()));
        refs.push(roman(if i + 1 < see_also.len() {
            "(1), "
        } else {
            "(1)"
        }));
    }
    roff.text(refs);
    out.extend_from_slice(&roff.render().as_bytes()[preamble.len()..]);
    out
}

/// The EXAMPLES section of the page of `path`, if it has examples.
fn examples(roff: &mut Roff, path: &str) {
    let examples = docs::examples(path);
    if examples.is_empty() {
        return;
    }
    roff.control("SH", ["EXAMPLES"]);
    for example in examples {
        roff.control("PP", []);
        roff.text([roman(example.about)]);
        roff.control("PP", []);
        roff.control("RS", ["4"]);
        roff.control("nf", []);
        for line in example.command.lines() {
            roff.text([roman(line)]);
        }
        roff.control("fi", []);
        roff.control("RE", []);
    }
}

/// hubint(1): every exit code, the environment and the files.
fn reference(roff: &mut Roff) {
    roff.control("SH", ["EXIT CODES"]);
    for (code, text) in docs::EXIT_CODES {
        term(roff, bold((*code as u8).to_string()), text);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (var, text) in docs::ENVIRONMENT {
        term(roff, bold(*var), text);
    }
    roff.control("SH", ["FILES"]);
    for (file, text) in docs::FILES {
        term(roff, italic(*file), text);
    }
}

/// A subcommand's page: its rules, its own exit codes, and a reference to
/// hubint(1) for the environment and the files.
fn own_rules(roff: &mut Roff, path: &str) {
    let page = docs::page_of(path);
    let rules = page.map_or(&[][..], |p| p.rules);
    if !rules.is_empty() {
        roff.control("SH", ["RULES"]);
        for rule in rules {
            roff.control("IP", ["\\(bu", "2"]);
            roff.text([roman(*rule)]);
        }
    }
    roff.control("SH", ["EXIT CODES"]);
    term(roff, bold("0"), "success");
    for (code, text) in page.map_or(&[][..], |p| p.exits) {
        term(roff, bold((*code as u8).to_string()), text);
    }
    roff.control("PP", []);
    roff.text([
        roman("Any command can also end with the codes listed in "),
        bold("hubint"),
        roman("(1) (1: another failure; 130: cancelled at a prompt)."),
    ]);
    roff.control("SH", ["ENVIRONMENT"]);
    roff.text([
        roman("The environment variables hubint reads are listed in "),
        bold("hubint"),
        roman("(1)."),
    ]);
    roff.control("SH", ["FILES"]);
    roff.text([
        roman("The files hubint keeps are listed in "),
        bold("hubint"),
        roman("(1)."),
    ]);
}

/// The top page refers to every page; a subcommand's page to its parents,
/// its children and its siblings.
fn related(name: &str, other: &str) -> bool {
    let parent = |n: &str| n.rsplit_once('-').map(|(p, _)| p.to_string());
    name == "hubint"
        || name.starts_with(&format!("{other}-"))
        || other.starts_with(&format!("{name}-"))
        || parent(name) == parent(other)
}

fn term(roff: &mut Roff, term: clap_mangen::roff::Inline, text: &str) {
    roff.control("TP", []);
    roff.text([term]);
    roff.text([roman(text)]);
}
