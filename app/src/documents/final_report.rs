//! A programme's final report (итоговый отчёт) as a workbook: the figures, the pairs with their
//! results, meetings by kind, entry against exit, SWOT and best practices, one sheet each.

use domain::i18n::tr;
use domain::reports::final_report::FinalReport;

pub fn final_report_xlsx(report: &FinalReport) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use super::table;
    use domain::reports::Quadrant;
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new().set_text_wrap();
    let w = &report.work;

    let sheet = workbook.add_worksheet().set_name(tr::FINAL_SHEET_FIGURES)?;
    sheet.set_column_width(0, 50)?;
    sheet.set_column_width(1, 16)?;
    sheet.write_string_with_format(0, 0, format!("{} — {}", tr::FINAL_TITLE, report.programme), &bold)?;
    sheet.write_string(1, 0, format!("{} · {} · {} — {}", report.organisation, tr::form(report.form), tr::date(&report.starts_on), tr::date(&report.ends_on)))?;
    let mut rows = vec![
        vec![tr::PAIRS.to_owned(), w.pairs.to_string()],
        vec![tr::MENTORS.to_owned(), w.mentors.to_string()],
        vec![tr::MENTEES.to_owned(), w.mentees.to_string()],
        vec![tr::MEETINGS_HELD.to_owned(), w.meetings_held.to_string()],
        vec![tr::FINAL_PLAN_ROWS.to_owned(), w.plan.planned.to_string()],
        vec![tr::FINAL_PLAN_DONE.to_owned(), w.plan.done.to_string()],
        vec![tr::FINAL_PLAN_PERCENT.to_owned(), w.plan_percent.to_string()],
    ];
    rows.extend(w.decisions.iter().map(|(d, n)| vec![tr::decision(*d).to_owned(), n.to_string()]));
    rows.push(vec![tr::FINAL_UNDECIDED.to_owned(), w.undecided.to_string()]);
    let next = table(sheet, 3, &[tr::REPORT_ITEM, tr::REPORT_VALUE], &rows, &bold, &wrap)?;
    let kinds: Vec<Vec<String>> = w.meetings_by_kind.iter().map(|(k, n)| vec![tr::meeting_kind(*k).to_owned(), n.to_string()]).collect();
    table(sheet, next, &[tr::FINAL_MEETINGS_BY_KIND, tr::MEETINGS_HELD], &kinds, &bold, &wrap)?;

    let sheet = workbook.add_worksheet().set_name(tr::FINAL_SHEET_PAIRS)?;
    for (col, width) in [(0, 30), (1, 30), (2, 18), (3, 12), (4, 16), (5, 50), (6, 50)] {
        sheet.set_column_width(col, width)?;
    }
    let mut rows = Vec::new();
    for pair in &report.pairs {
        for mentee in &pair.mentees {
            rows.push(vec![
                pair.mentor.clone(),
                mentee.name.clone(),
                mentee.decision.map(tr::decision).unwrap_or(tr::FINAL_NO_DECISION).to_owned(),
                pair.meetings_held.to_string(),
                tr::plan_progress(pair.plan.done, pair.plan.planned),
                mentee.goals_reached.clone(),
                mentee.changes.clone(),
            ]);
        }
    }
    let header = [tr::MENTOR, tr::FINAL_MENTEE, tr::F_DECISION, tr::MEETINGS_HELD, tr::PLAN_PROGRESS, tr::F_GOALS_REACHED, tr::F_CHANGES];
    table(sheet, 0, &header, &rows, &bold, &wrap)?;

    let sheet = workbook.add_worksheet().set_name(tr::NAV_BEFORE_AFTER)?;
    sheet.set_column_width(0, 50)?;
    sheet.set_column_width(1, 40)?;
    let mut rows = Vec::new();
    for comparison in &report.before_after {
        for q in &comparison.report.questions {
            for r in &q.rows {
                rows.push(vec![q.text.clone(), r.label.clone(), q.entry_n.to_string(), r.entry.percent.to_string(), q.exit_n.to_string(), r.exit.percent.to_string()]);
            }
        }
    }
    table(sheet, 0, &[tr::REPORT_QUESTION, tr::BA_OPTION, "n (вход)", "% (вход)", "n (выход)", "% (выход)"], &rows, &bold, &wrap)?;

    let sheet = workbook.add_worksheet().set_name("SWOT")?;
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, 80)?;
    let rows: Vec<Vec<String>> = Quadrant::ALL
        .iter()
        .flat_map(|q| report.swot.items(*q).iter().map(move |item| vec![tr::quadrant(*q).to_owned(), item.clone()]))
        .collect();
    table(sheet, 0, &[tr::REPORT_QUADRANT, tr::REPORT_ITEM], &rows, &bold, &wrap)?;

    let sheet = workbook.add_worksheet().set_name(tr::NAV_PRACTICES)?;
    for (col, width) in [(0, 40), (1, 60), (2, 60), (3, 40)] {
        sheet.set_column_width(col, width)?;
    }
    let rows: Vec<Vec<String>> = report
        .practices
        .iter()
        .map(|p| vec![p.practice.title.clone(), p.practice.what_done.clone(), p.practice.results.clone(), p.practice.materials.clone()])
        .collect();
    table(sheet, 0, &[tr::F_PRACTICE_TITLE, tr::F_WHAT_DONE, tr::F_RESULTS, tr::F_MATERIALS], &rows, &bold, &wrap)?;
    workbook.save_to_buffer()
}
