//! Tables of rows for people and for scripts.
//!
//! On a terminal a table fits the width without wrapping or breaking a
//! word: the columns that matter least are left out first (each table
//! names them, in order), then the longest values are cut with `…`, never
//! below the width of their heading. `--wide` shows every column as it is.
//! When stdout is not a terminal, every column is printed in full,
//! tab-separated, one row per line, without borders and without a header
//! line (as `gh` does), so that `cut -f` and `while IFS=$'\t' read` work.

use comfy_table::{ContentArrangement, Table, presets};

/// One column: its key for `--columns`, its heading, whether it may be
/// left out to fit a terminal (the lowest rank goes first), and whether its
/// values are cut only when nothing else is left to cut (names).
pub struct Column {
    pub key: &'static str,
    pub header: &'static str,
    pub drop_rank: Option<u8>,
    pub cut_last: bool,
}

/// Which columns to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum View {
    /// Every column that fits (the default).
    #[default]
    Fit,
    /// Every column, nothing cut.
    Wide,
    /// These columns (by key), in this order.
    Columns(Vec<String>),
}

impl View {
    pub fn new(wide: bool, columns: &[String]) -> View {
        match (wide, columns) {
            (true, _) => View::Wide,
            (false, []) => View::Fit,
            (false, keys) => View::Columns(keys.to_vec()),
        }
    }
}

/// Where the table goes: a terminal this many columns wide (`None`: width
/// unknown), or a pipe or file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Terminal(Option<usize>),
    Pipe,
}

/// Render `rows` (one cell per column of `columns`) for `target`.
pub fn render(columns: &[Column], rows: &[Vec<String>], view: &View, target: Target) -> String {
    let mut shown: Vec<usize> = match view {
        View::Columns(keys) => keys
            .iter()
            .filter_map(|k| columns.iter().position(|c| c.key.eq_ignore_ascii_case(k)))
            .collect(),
        View::Fit | View::Wide => (0..columns.len()).collect(),
    };
    let width = match target {
        Target::Pipe => return tab_separated(rows, &shown),
        Target::Terminal(width) if *view == View::Wide => width.map(|_| usize::MAX),
        Target::Terminal(width) => width,
    };
    let natural = |i: usize| {
        rows.iter()
            .map(|r| text_width(&r[i]))
            .chain([text_width(columns[i].header)])
            .max()
            .unwrap_or(0)
    };
    let mut widths: Vec<usize> = shown.iter().map(|&i| natural(i)).collect();
    if let Some(limit) = width {
        if *view == View::Fit {
            drop_to_fit(columns, &mut shown, &mut widths, limit);
        }
        let header = |i: usize| text_width(columns[i].header);
        // Cut the others first, then the names too if still needed.
        let first: Vec<usize> = shown
            .iter()
            .zip(&widths)
            .map(|(&i, &w)| if columns[i].cut_last { w } else { header(i) })
            .collect();
        shrink_to_fit(&mut widths, &first, limit);
        let minimum: Vec<usize> = shown.iter().map(|&i| header(i)).collect();
        shrink_to_fit(&mut widths, &minimum, limit);
    }
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(shown.iter().map(|&i| columns[i].header));
    for row in rows {
        table.add_row(
            shown
                .iter()
                .zip(&widths)
                .map(|(&i, &w)| console::truncate_str(&one_line(&row[i]), w, "…").into_owned()),
        );
    }
    table.to_string()
}

/// The width of a table whose columns are `widths` wide: one space either
/// side of each cell and a border between and around them.
pub fn table_width(widths: &[usize]) -> usize {
    widths.iter().sum::<usize>() + 3 * widths.len() + 1
}

/// Leave out droppable columns, lowest rank first, until the table fits.
fn drop_to_fit(columns: &[Column], shown: &mut Vec<usize>, widths: &mut Vec<usize>, limit: usize) {
    while table_width(widths) > limit {
        let next = shown
            .iter()
            .enumerate()
            .filter_map(|(pos, &i)| columns[i].drop_rank.map(|rank| (rank, pos)))
            .min();
        let Some((_, pos)) = next else { return };
        shown.remove(pos);
        widths.remove(pos);
    }
}

/// Narrow the widest column, one character at a time, until the table fits
/// or every column is down to its minimum.
fn shrink_to_fit(widths: &mut [usize], minimum: &[usize], limit: usize) {
    while table_width(widths) > limit {
        let widest = (0..widths.len())
            .filter(|&c| widths[c] > minimum[c].max(2))
            .max_by_key(|&c| widths[c]);
        match widest {
            Some(c) => widths[c] -= 1,
            None => return,
        }
    }
}

fn tab_separated(rows: &[Vec<String>], shown: &[usize]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = shown
            .iter()
            .map(|&i| one_line(row.get(i).map_or("", String::as_str)).replace('\t', " "))
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// A comfy table's rows (not its header), tab-separated, for a pipe.
pub fn tab_separated_table(table: &Table) -> String {
    let rows: Vec<Vec<String>> = table
        .row_iter()
        .map(|row| row.cell_iter().map(|c| c.content()).collect())
        .collect();
    let all: Vec<usize> = (0..rows.iter().map(Vec::len).max().unwrap_or(0)).collect();
    tab_separated(&rows, &all)
}

/// A cell on one line: line breaks become spaces.
fn one_line(cell: &str) -> String {
    cell.replace(['\n', '\r'], " ")
}

fn text_width(s: &str) -> usize {
    console::measure_text_width(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[Column] = &[
        Column {
            key: "name",
            header: "NAME",
            drop_rank: None,
            cut_last: true,
        },
        Column {
            key: "email",
            header: "EMAIL",
            drop_rank: Some(1),
            cut_last: false,
        },
        Column {
            key: "notes",
            header: "NOTES",
            drop_rank: None,
            cut_last: false,
        },
    ];

    fn rows() -> Vec<Vec<String>> {
        vec![vec![
            "alpha".into(),
            "alice@example.com".into(),
            "a rather long note about this row".into(),
        ]]
    }

    #[test]
    fn piped_is_every_column_tab_separated_without_a_header() {
        let out = render(COLUMNS, &rows(), &View::Fit, Target::Pipe);
        assert_eq!(
            out,
            "alpha\talice@example.com\ta rather long note about this row\n"
        );
        let picked = View::Columns(vec!["notes".into(), "NAME".into()]);
        let out = render(COLUMNS, &rows(), &picked, Target::Pipe);
        assert_eq!(out, "a rather long note about this row\talpha\n");
    }

    #[test]
    fn a_terminal_table_drops_then_cuts_to_fit() {
        let out = render(COLUMNS, &rows(), &View::Fit, Target::Terminal(Some(40)));
        assert!(!out.contains("EMAIL"), "{out}");
        assert!(out.contains('…') && out.contains("alpha"), "{out}");
        for line in out.lines() {
            assert!(text_width(line) <= 40, "{line}");
        }
        let wide = render(COLUMNS, &rows(), &View::Wide, Target::Terminal(Some(40)));
        assert!(
            wide.contains("alice@example.com") && wide.contains("this row"),
            "{wide}"
        );
    }

    #[test]
    fn columns_never_get_narrower_than_their_heading() {
        let out = render(COLUMNS, &rows(), &View::Fit, Target::Terminal(Some(10)));
        assert!(out.contains("NAME") && out.contains("NOTES"), "{out}");
    }
}
