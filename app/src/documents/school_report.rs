//! The school's analytic report (аналитическая справка) as a workbook.

/// The school's analytic report as a workbook: participants and coverage, variants,
/// entry against exit, Kirkpatrick levels and SWOT, one sheet each.
pub fn school_report_xlsx(report: &domain::reports::SchoolReport) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use domain::i18n::tr;
    use domain::reports::Quadrant;
    use super::table;
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new().set_text_wrap();
    let f = &report.figures;

    let sheet = workbook.add_worksheet().set_name("Участники")?;
    sheet.set_column_width(0, 44)?;
    sheet.set_column_width(1, 16)?;
    sheet.write_string_with_format(0, 0, format!("{} — {}", f.name, tr::REPORT_TITLE), &bold)?;
    sheet.write_string(1, 0, format!("{} · {}", report.district, tr::date(&report.date)))?;
    let mut header = vec![tr::COUNTS_ROLE];
    header.extend(f.per_form.iter().map(|x| tr::form(x.form)));
    header.push(tr::COUNTS_TOTAL);
    let row = |label: &str, per: Vec<i64>, total: i64| {
        let mut out = vec![label.to_owned()];
        out.extend(per.into_iter().map(|n| n.to_string()));
        out.push(total.to_string());
        out
    };
    let rows = vec![
        row(tr::MENTORS, f.per_form.iter().map(|x| x.mentors).collect(), f.mentors),
        row(tr::MENTEES, f.per_form.iter().map(|x| x.mentees).collect(), f.mentees),
        row(tr::CURATORS, Vec::new(), f.curators),
        row(tr::COUNTS_ALL, f.per_form.iter().map(|x| x.mentors + x.mentees).collect(), f.participants_total()),
    ];
    let next = table(sheet, 3, &header, &rows, &bold, &wrap)?;
    let coverage = vec![
        vec![tr::STUDENTS.to_owned(), f.students_total.to_string()],
        vec![tr::REPORT_STUDENTS_INVOLVED.to_owned(), f.students_involved.to_string()],
        vec![tr::REPORT_COVERAGE.to_owned(), f.coverage_percent().to_string()],
        vec![tr::REPORT_INDICATOR.to_owned(), domain::reports::STUDENT_INDICATOR_PERCENT.to_string()],
        vec![tr::REPORT_TEACHERS_INVOLVED.to_owned(), f.teachers_involved.to_string()],
    ];
    table(sheet, next, &[tr::REPORT_COVERAGE_HEADING, tr::REPORT_VALUE], &coverage, &bold, &wrap)?;

    let sheet = workbook.add_worksheet().set_name(tr::SHEET_VARIANTS)?;
    sheet.set_column_width(0, 50)?;
    let rows: Vec<Vec<String>> = f
        .per_variant
        .iter()
        .map(|v| vec![tr::variant(v.variant).to_owned(), v.pairs.to_string(), v.students.to_string(), v.people.to_string()])
        .collect();
    table(sheet, 0, &[tr::REPORT_VARIANT, tr::PAIRS, tr::STUDENTS, tr::REPORT_PEOPLE], &rows, &bold, &wrap)?;

    let sheet = workbook.add_worksheet().set_name(tr::NAV_BEFORE_AFTER)?;
    sheet.set_column_width(0, 50)?;
    sheet.set_column_width(1, 50)?;
    let mut rows = Vec::new();
    for comparison in &report.before_after {
        for q in &comparison.report.questions {
            for r in &q.rows {
                rows.push(vec![
                    q.text.clone(),
                    r.label.clone(),
                    q.entry_n.to_string(),
                    r.entry.count.to_string(),
                    r.entry.percent.to_string(),
                    q.exit_n.to_string(),
                    r.exit.count.to_string(),
                    r.exit.percent.to_string(),
                ]);
            }
        }
    }
    let header = [tr::REPORT_QUESTION, tr::BA_OPTION, "n (вход)", "Ответили (вход)", "% (вход)", "n (выход)", "Ответили (выход)", "% (выход)"];
    table(sheet, 0, &header, &rows, &bold, &wrap)?;

    let sheet = workbook.add_worksheet().set_name("Киркпатрик")?;
    sheet.set_column_width(0, 36)?;
    sheet.set_column_width(2, 60)?;
    sheet.set_column_width(3, 24)?;
    let mut rows = Vec::new();
    for programme in &report.programmes {
        for level in &programme.kirkpatrick.levels {
            for m in &level.measures {
                rows.push(vec![programme.title.clone(), tr::kirkpatrick_level(level.level).to_owned(), m.text.clone(), m.figure.clone(), m.n.to_string()]);
            }
        }
    }
    table(sheet, 0, &[tr::REPORT_PROGRAMME, tr::REPORT_LEVEL, tr::REPORT_QUESTION, tr::REPORT_FIGURE, "n"], &rows, &bold, &wrap)?;

    let sheet = workbook.add_worksheet().set_name("SWOT")?;
    sheet.set_column_width(0, 36)?;
    sheet.set_column_width(1, 22)?;
    sheet.set_column_width(2, 80)?;
    let mut rows = Vec::new();
    for programme in &report.programmes {
        for quadrant in Quadrant::ALL {
            for item in programme.swot.items(quadrant) {
                rows.push(vec![programme.title.clone(), tr::quadrant(quadrant).to_owned(), item.clone()]);
            }
        }
    }
    table(sheet, 0, &[tr::REPORT_PROGRAMME, tr::REPORT_QUADRANT, tr::REPORT_ITEM], &rows, &bold, &wrap)?;
    workbook.save_to_buffer()
}
