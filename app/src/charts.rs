//! Chart options built with charming on the server and sent as JSON; ECharts draws them in the
//! browser (`/static/charts.js` on pages, `deck.js` in a deck). The WASM bundle never carries
//! charming, and a deck exported as one HTML file draws the very same options offline.

use charming::component::{Axis, Grid, Legend, Title};
use charming::datatype::DataPointItem;
use charming::element::{AxisLabel, AxisType, ItemStyle, Label, LabelPosition, LineStyle, MarkLine, MarkLineData, MarkLineVariant, Symbol, TextStyle};
use charming::series::{Bar, Pie};
use charming::Chart;

use domain::reports::kirkpatrick::KirkpatrickReport;
use domain::reports::{SchoolFigures, STUDENT_INDICATOR_PERCENT};
use domain::i18n::tr;
use domain::surveys::stats::BeforeAfter;

pub const ENTRY_COLOUR: &str = "#94a3b8";
pub const EXIT_COLOUR: &str = "#2563eb";
pub const ACCENT_COLOUR: &str = "#16a34a";
pub const MUTED_COLOUR: &str = "#e2e8f0";
const LEVEL_COLOURS: [&str; 4] = ["#0ea5e9", "#16a34a", "#f59e0b", "#9333ea"];
const FONT: f64 = 16.0;

/// The options as compact JSON for a `data-chart` attribute.
pub fn to_json(chart: &Chart) -> String {
    let Ok(mut options) = serde_json::to_value(chart) else { return "{}".into() };
    // charming has no `lineHeight` for axis labels; without it ECharts draws the lines of a
    // wrapped label over each other.
    for axis in ["xAxis", "yAxis"] {
        let axes = match options.get_mut(axis) {
            Some(serde_json::Value::Array(list)) => list.iter_mut().collect::<Vec<_>>(),
            Some(one) => vec![one],
            None => Vec::new(),
        };
        for label in axes.into_iter().filter_map(|a| a.get_mut("axisLabel")).filter_map(|l| l.as_object_mut()) {
            let size = label.get("fontSize").and_then(|v| v.as_f64()).unwrap_or(12.0);
            label.insert("lineHeight".into(), serde_json::json!((size * 1.25).round()));
        }
    }
    options.to_string()
}

/// A chart's figures as a table — its text alternative for a screen reader, and what the
/// presenter can show instead of the drawing: a row per category (or per slice of a ring), a
/// column per series. Read back from the options themselves, so no chart can lack one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FiguresTable {
    pub columns: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
}

/// The table of a chart's options as `to_json` wrote them; empty if they hold no series.
pub fn figures(options_json: &str) -> FiguresTable {
    use serde_json::Value;
    let Ok(options) = serde_json::from_str::<Value>(options_json) else { return FiguresTable::default() };
    // ECharts takes one object or a list of them wherever a list may stand: read both in place.
    fn as_list(value: Option<&Value>) -> &[Value] {
        match value {
            Some(Value::Array(list)) => list,
            Some(one @ Value::Object(_)) => std::slice::from_ref(one),
            _ => &[],
        }
    }
    let series = as_list(options.get("series"));
    let text = |value: &Value| value.as_str().map(|s| s.replace('\n', " ")).unwrap_or_else(|| value.to_string());
    let number = |value: &Value, percent: bool| {
        let raw = value.get("value").unwrap_or(value);
        let Some(n) = raw.as_f64() else { return String::new() };
        let shown = if n.fract() == 0.0 { format!("{n:.0}") } else { format!("{n:.1}").replace('.', ",") };
        if percent { format!("{shown} %") } else { shown }
    };
    let in_percent = |one: &Value| {
        one.pointer("/label/formatter").and_then(Value::as_str).is_some_and(|f| f.contains('%'))
    };
    let name = |one: &Value| one.get("name").map(text).unwrap_or_else(|| tr::CHART_VALUE.to_owned());
    if let Some(pie) = series.iter().find(|one| one.get("type").and_then(Value::as_str) == Some("pie")) {
        let rows = as_list(pie.get("data"))
            .iter()
            .map(|slice| (slice.get("name").map(text).unwrap_or_default(), vec![number(slice, false)]))
            .collect();
        return FiguresTable { columns: vec![name(pie)], rows };
    }
    let categories = ["yAxis", "xAxis"]
        .iter()
        .flat_map(|axis| as_list(options.get(*axis)).iter())
        .find(|axis| axis.get("type").and_then(Value::as_str) == Some("category"))
        .map(|axis| as_list(axis.get("data")).iter().map(text).collect::<Vec<_>>())
        .unwrap_or_default();
    let columns = series.iter().map(name).collect();
    let rows = categories
        .into_iter()
        .enumerate()
        .map(|(i, category)| {
            let values = series
                .iter()
                .map(|one| one.get("data").and_then(|d| d.get(i)).map(|v| number(v, in_percent(one))).unwrap_or_default())
                .collect();
            (category, values)
        })
        .collect();
    FiguresTable { columns, rows }
}

/// Breaks a long label into lines of about `width` characters at spaces: ECharts does not wrap
/// category labels by itself.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out
}

fn base() -> Chart {
    // No animation: a projected or printed chart must be complete at once.
    Chart::new().animation(false).background_color("#ffffff")
}

fn category_axis(labels: Vec<String>) -> Axis {
    Axis::new()
        .type_(AxisType::Category)
        .inverse(true)
        .data(labels)
        .axis_label(AxisLabel::new().font_size(FONT).color("#1e293b"))
}

fn percent_axis() -> Axis {
    Axis::new().type_(AxisType::Value).min(0).max(100).axis_label(AxisLabel::new().formatter("{value} %").font_size(FONT - 2.0))
}

fn value_label(formatter: &str) -> Label {
    Label::new().show(true).position(LabelPosition::Right).formatter(formatter).font_size(FONT).color("#0f172a")
}

fn legend() -> Legend {
    Legend::new().top(0).text_style(TextStyle::new().font_size(FONT))
}

fn grid() -> Grid {
    Grid::new().left(16).right(64).top(44).bottom(8).contain_label(true)
}

/// Entry against exit for one question: the share naming each option (only `options` when
/// given, by label), or for a rating the two means; n in the legend.
pub fn before_after(q: &BeforeAfter, options: &[String]) -> Chart {
    let entry_name = tr::chart_entry(q.entry_n);
    let exit_name = tr::chart_exit(q.exit_n);
    if let (Some(entry), Some(exit)) = (q.entry_mean, q.exit_mean) {
        let max = q.rows.len() as f64;
        return base()
            .legend(legend())
            .grid(grid())
            .x_axis(Axis::new().type_(AxisType::Value).min(0).max(max).axis_label(AxisLabel::new().font_size(FONT - 2.0)))
            .y_axis(category_axis(vec![tr::CHART_MEAN.to_owned()]))
            .series(Bar::new().name(entry_name).item_style(ItemStyle::new().color(ENTRY_COLOUR)).label(value_label("{c}")).data(vec![entry]))
            .series(Bar::new().name(exit_name).item_style(ItemStyle::new().color(EXIT_COLOUR)).label(value_label("{c}")).data(vec![exit]));
    }
    let rows: Vec<_> = q.rows.iter().filter(|r| options.is_empty() || options.contains(&r.label)).collect();
    let labels = rows.iter().map(|r| wrap(&r.label, 38)).collect();
    let mut chart = base().legend(legend()).grid(grid()).x_axis(percent_axis()).y_axis(category_axis(labels));
    if q.entry_n > 0 {
        chart = chart.series(
            Bar::new()
                .name(entry_name)
                .item_style(ItemStyle::new().color(ENTRY_COLOUR))
                .label(value_label("{c} %"))
                .data(rows.iter().map(|r| r.entry.percent).collect()),
        );
    }
    chart.series(
        Bar::new()
            .name(exit_name)
            .item_style(ItemStyle::new().color(EXIT_COLOUR))
            .label(value_label("{c} %"))
            .data(rows.iter().map(|r| r.exit.percent).collect()),
    )
}

/// People in pairs and groups per variant: students where the school pairs students (the
/// analytic report's 20 / 20 / 10 / 24 / 25 / 1), otherwise everyone.
pub fn variants(school: &SchoolFigures) -> Chart {
    let students = school.per_variant.iter().any(|v| v.students > 0);
    let rows: Vec<_> = school.per_variant.iter().filter(|v| v.pairs > 0).collect();
    let labels = rows.iter().map(|v| wrap(tr::variant(v.variant), 30)).collect();
    let values: Vec<i64> = rows.iter().map(|v| if students { v.students } else { v.people }).collect();
    base()
        .grid(Grid::new().left(16).right(64).top(16).bottom(8).contain_label(true))
        .x_axis(Axis::new().type_(AxisType::Value).min_interval(1.0).axis_label(AxisLabel::new().font_size(FONT - 2.0)))
        .y_axis(category_axis(labels))
        .series(
            Bar::new()
                .name(if students { tr::CHART_STUDENTS } else { tr::CHART_PEOPLE })
                .item_style(ItemStyle::new().color(EXIT_COLOUR))
                .label(value_label("{c}"))
                .data(values),
        )
}

/// A programme's meetings held, per kind of the target model's cycle.
pub fn meetings_by_kind(work: &domain::reports::final_report::WorkFigures) -> Chart {
    let labels = work.meetings_by_kind.iter().map(|(k, _)| wrap(tr::meeting_kind(*k), 30)).collect();
    let values: Vec<i64> = work.meetings_by_kind.iter().map(|(_, n)| *n as i64).collect();
    base()
        .grid(Grid::new().left(16).right(64).top(16).bottom(8).contain_label(true))
        .x_axis(Axis::new().type_(AxisType::Value).min_interval(1.0).axis_label(AxisLabel::new().font_size(FONT - 2.0)))
        .y_axis(category_axis(labels))
        .series(Bar::new().name(tr::MEETINGS_HELD).item_style(ItemStyle::new().color(EXIT_COLOUR)).label(value_label("{c}")).data(values))
}

/// Each school's students involved, in percent, against the 10 % indicator.
pub fn coverage(schools: &[SchoolFigures]) -> Chart {
    let shown: Vec<_> = schools.iter().filter(|s| s.students_total > 0).collect();
    let labels = shown.iter().map(|s| wrap(&s.name, 28)).collect();
    let bars = shown
        .iter()
        .map(|s| {
            let colour = if s.meets_indicator() { ACCENT_COLOUR } else { ENTRY_COLOUR };
            DataPointItem::new(s.coverage_percent()).item_style(ItemStyle::new().color(colour))
        })
        .collect();
    let indicator = MarkLine::new()
        .symbol(vec![Symbol::None, Symbol::None])
        .line_style(LineStyle::new().color("#dc2626").width(2))
        .label(Label::new().position(LabelPosition::Start).formatter(tr::chart_indicator(STUDENT_INDICATOR_PERCENT).as_str()).font_size(FONT - 2.0).color("#dc2626"))
        .data(vec![MarkLineVariant::Simple(MarkLineData::new().x_axis(STUDENT_INDICATOR_PERCENT))]);
    let most = shown.iter().map(|s| s.coverage_percent()).max().unwrap_or(0).max(STUDENT_INDICATOR_PERCENT * 2);
    base()
        .grid(Grid::new().left(16).right(64).top(28).bottom(8).contain_label(true))
        .x_axis(Axis::new().type_(AxisType::Value).min(0).max((most + 9) / 10 * 10).axis_label(AxisLabel::new().formatter("{value} %").font_size(FONT - 2.0)))
        .y_axis(category_axis(labels))
        .series(Bar::new().name(tr::CHART_COVERAGE).label(value_label("{c} %")).mark_line(indicator).data(bars))
}

/// Organisations running mentoring among all of the district's, as a ring with the share in
/// the middle.
pub fn organisations(active: i64, total: i64) -> Chart {
    base()
        .title(
            Title::new()
                .text(format!("{} %", domain::models::percent(active, total)))
                .left("center")
                .top("middle")
                .text_style(TextStyle::new().font_size(44).color(EXIT_COLOUR)),
        )
        .series(
            Pie::new()
                .radius(vec!["42%", "64%"])
                .label(Label::new().show(true).formatter("{b}: {c}").font_size(FONT))
                .data(vec![
                    DataPointItem::new(active).name(tr::CHART_ORGS_IN).item_style(ItemStyle::new().color(EXIT_COLOUR)),
                    DataPointItem::new(total - active).name(tr::CHART_ORGS_OUT).item_style(ItemStyle::new().color(MUTED_COLOUR)),
                ]),
        )
}

/// The four Kirkpatrick levels, each as the mean score of its measures (ratings as a share of
/// their maximum, yes/no as the share of «да»); a level without measures is left empty.
pub fn kirkpatrick(report: &KirkpatrickReport) -> Chart {
    let labels = report.levels.iter().map(|l| tr::kirkpatrick_level(l.level).to_owned()).collect();
    let bars = report
        .levels
        .iter()
        .enumerate()
        .map(|(i, level)| {
            let value = level.score().map(|s| s.round() as i64).unwrap_or(0);
            DataPointItem::new(value).item_style(ItemStyle::new().color(LEVEL_COLOURS[i % LEVEL_COLOURS.len()]))
        })
        .collect();
    base()
        .grid(Grid::new().left(16).right(24).top(24).bottom(8).contain_label(true))
        .x_axis(Axis::new().type_(AxisType::Category).data(labels).axis_label(AxisLabel::new().font_size(FONT).color("#1e293b")))
        .y_axis(Axis::new().type_(AxisType::Value).min(0).max(100).axis_label(AxisLabel::new().formatter("{value} %").font_size(FONT - 3.0)))
        .series(Bar::new().name(tr::CHART_SCORE).bar_width("45%").label(Label::new().show(true).position(LabelPosition::Top).formatter("{c} %").font_size(FONT)).data(bars))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chart_reads_back_as_a_table_of_its_figures() {
        use domain::reports::final_report::WorkFigures;
        let mut work = WorkFigures::default();
        work.meetings_by_kind = vec![(domain::models::MeetingKind::ALL[0], 3), (domain::models::MeetingKind::ALL[1], 1)];
        let table = figures(&to_json(&meetings_by_kind(&work)));
        assert_eq!(table.columns, vec![tr::MEETINGS_HELD.to_owned()]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].1, vec!["3".to_owned()]);
        assert!(!table.rows[0].0.contains('\n'), "labels are read unwrapped: {:?}", table.rows[0].0);

        let ring = figures(&to_json(&organisations(7, 10)));
        assert_eq!(ring.rows, vec![(tr::CHART_ORGS_IN.to_owned(), vec!["7".to_owned()]), (tr::CHART_ORGS_OUT.to_owned(), vec!["3".to_owned()])]);
        assert_eq!(figures("not json"), FiguresTable::default());
    }

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_every_word() {
        let text = "Подбор для детей заданий различной степени трудности с учётом их особенностей";
        let wrapped = wrap(text, 30);
        assert!(wrapped.lines().all(|line| line.chars().count() <= 30), "{wrapped}");
        assert_eq!(wrapped.replace('\n', " "), text);
    }

    #[test]
    fn before_after_chart_carries_the_shares_and_n() {
        use domain::surveys::stats::{OptionShare, ShareChange};
        let share = |count, percent| OptionShare { label: String::new(), count, percent };
        let q = BeforeAfter {
            key: "difficulties".into(),
            text: "Трудности".into(),
            entry_n: 114,
            exit_n: 112,
            rows: vec![
                ShareChange { label: "Документация".into(), entry: share(35, 31), exit: share(25, 22) },
                ShareChange { label: "Задания".into(), entry: share(43, 38), exit: share(26, 23) },
                ShareChange { label: "Дисциплина".into(), entry: share(10, 9), exit: share(5, 4) },
            ],
            entry_mean: None,
            exit_mean: None,
            linked: 112,
            too_few_to_show: false,
        };
        let json: serde_json::Value = serde_json::from_str(&to_json(&before_after(&q, &["Документация".into(), "Задания".into()]))).expect("json");
        assert_eq!(json["yAxis"]["data"], serde_json::json!(["Документация", "Задания"]));
        assert_eq!(json["series"][0]["data"], serde_json::json!([31, 38]));
        assert_eq!(json["series"][1]["data"], serde_json::json!([22, 23]));
        assert!(json["series"][0]["name"].as_str().expect("name").contains("114"));
        assert!(json["series"][1]["name"].as_str().expect("name").contains("112"));
        assert_eq!(json["animation"], false);
    }
}
