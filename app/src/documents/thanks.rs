//! Letters of thanks («благодарственные письма») as an editable Word document, one letter per
//! page: the school, the title, the salutation, what the mentor did, the head's signature line.

use domain::i18n::ru;
use domain::models::LetterOfThanks;

pub fn write_thanks_docx(letters: &[LetterOfThanks]) -> Result<Vec<u8>, String> {
    use docx_rs::{AlignmentType, BreakType, Docx, Paragraph, Run, RunFonts};
    let font = || RunFonts::new().ascii("Times New Roman").hi_ansi("Times New Roman").cs("Times New Roman").east_asia("Times New Roman");
    let text = |t: &str, size: usize| Paragraph::new().add_run(Run::new().add_text(t).fonts(font()).size(size));
    let bold = |t: &str, size: usize| Paragraph::new().add_run(Run::new().add_text(t).bold().fonts(font()).size(size));
    let centred = |p: Paragraph| p.align(AlignmentType::Center);
    let mut doc = Docx::new();
    for (i, letter) in letters.iter().enumerate() {
        if i > 0 {
            doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
        }
        doc = doc
            .add_paragraph(centred(text(&letter.school, 26)))
            .add_paragraph(text("", 26))
            .add_paragraph(centred(bold(&ru::THANKS_TITLE.to_uppercase(), 40)))
            .add_paragraph(text("", 26))
            .add_paragraph(centred(bold(&letter.mentor, 32)))
            .add_paragraph(text("", 26))
            .add_paragraph(centred(bold(&letter.salutation, 30)))
            .add_paragraph(text("", 26))
            .add_paragraph(text(&letter.body, 28).align(AlignmentType::Both))
            .add_paragraph(text("", 26))
            .add_paragraph(text(&format!("{} ____________ {}", letter.head_position, letter.head_name), 28))
            .add_paragraph(text(&ru::date(&letter.date), 26));
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes.into_inner())
}
