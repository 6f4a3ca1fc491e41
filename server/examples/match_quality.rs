//! The suggestions' quality benchmark: prints figures, asserts nothing.
//!
//! `cargo run --release -p nastavnik --example match_quality`
//!
//! Runs «Подобрать пары» with the default weights on every hand-made case of
//! `app/domain/src/matching/quality_cases.json` (an empty board each) and prints how many of the
//! obvious pairs it gets right — per form of mentoring and in all — with the minimum and mean
//! score of the suggested pairs, how many mentees are left without a mentor, and every miss
//! with its reason.

use domain::matching::quality::{evaluate, Cases, CASES_JSON};
use domain::matching::score::Weights;
use domain::models::MentoringForm;

fn main() {
    let cases: Cases = serde_json::from_str(CASES_JSON).expect("quality_cases.json is valid");
    let report = evaluate(&cases, &Weights::default()).expect("every case is a valid board");
    println!("Образцовых пар: {}, случаев: {}", report.expected(), report.cases.len());
    for form in MentoringForm::ALL {
        let (right, expected) = report.of_form(*form);
        if expected > 0 {
            println!("  {:<28} {right:>2} из {expected:>2}", domain::i18n::tr::form(*form));
        }
    }
    println!("верно: {} из {} ({:.0} %)", report.right(), report.expected(), 100.0 * report.right() as f64 / report.expected() as f64);
    println!("балл предложенных пар: минимум {:.1}, в среднем {:.1}", report.min_score(), report.mean_score());
    println!("без наставника: {}", report.unmatched());
    for case in &report.cases {
        for (mentee, got, want, why) in &case.wrong {
            println!("  мимо: {mentee} → {} (надо {want}: {why})", got.as_deref().unwrap_or("без наставника"));
        }
    }
}
