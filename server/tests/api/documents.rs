//! The register of a school's documents: numbers and dates, signed scans kept whole or not at
//! all, read by the school's curator and the district's coordinator only.

use app::api::documents::{DeleteDocument, ListDocuments};
use domain::models::DocumentKind;

use super::helpers::TestApp;
use crate::on_both_backends;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

on_both_backends!(a_curator_keeps_the_schools_documents_with_their_signed_scans, |backend| async move {
    let app = TestApp::spawn(backend).await;
    let curator = app.login("curator", "kurator1").await;
    let programme = app.programme(&curator, None).await;
    let programme_text = programme.to_string();

    // A school-wide regulation without a scan, and the programme's approval with one.
    let regulation = [("kind", "regulation"), ("programme_id", ""), ("number", "12-о"), ("signed_on", "2026-08-25")];
    let added = app.upload_form(&curator, "documents/add", &regulation, None).await;
    assert!(added.ok(), "{}", added.text);
    let approval = [("kind", "programme_order"), ("programme_id", programme_text.as_str()), ("number", "15-о"), ("signed_on", "2026-08-30")];
    let added = app.upload_form(&curator, "documents/add", &approval, Some(("C:\\Сканы\\приказ 15.pdf", PDF))).await;
    let approval_id = added.json().as_i64().unwrap_or_else(|| panic!("{}", added.text));

    // What is not a PDF or an image is refused next to the file, and nothing is registered.
    let before = app.invoke(&curator, ListDocuments { organisation_id: None }).await.expect("list").documents.len();
    let refused = app.upload_form(&curator, "documents/add", &regulation, Some(("page.html", b"<html><script>alert(1)</script>"))).await;
    assert_eq!(refused.json()["Validation"]["file"], domain::i18n::tr::ERR_SCAN_TYPE, "{}", refused.text);
    let too_big = [PDF, &vec![b' '; domain::models::MAX_SCAN_BYTES]].concat();
    let refused = app.upload_form(&curator, "documents/add", &regulation, Some(("big.pdf", &too_big))).await;
    assert_eq!(refused.json()["Validation"]["file"], domain::i18n::tr::ERR_SCAN_BIG, "{}", refused.text);
    let no_programme = [("kind", "pairs_order"), ("programme_id", ""), ("number", "1"), ("signed_on", "2026-09-01")];
    let refused = app.upload_form(&curator, "documents/add", &no_programme, None).await;
    assert_eq!(refused.json()["Validation"]["programme_id"], domain::i18n::tr::ERR_PROGRAMME, "{}", refused.text);
    let page = app.invoke(&curator, ListDocuments { organisation_id: None }).await.expect("list");
    assert_eq!(page.documents.len(), before, "nothing half-saved");

    let listed = page.documents.iter().find(|d| d.id == approval_id).expect("listed");
    assert_eq!((listed.kind, listed.programme_id, listed.number.as_str()), (DocumentKind::ProgrammeOrder, Some(programme), "15-о"));
    let scan = listed.scan.as_ref().expect("scan");
    assert_eq!((scan.file_name.as_str(), scan.content_type.as_str(), scan.size), ("приказ 15.pdf", "application/pdf", PDF.len() as i64));
    assert!(page.documents.iter().any(|d| d.kind == DocumentKind::Regulation && d.scan.is_none() && d.programme_id.is_none()));

    // The scan downloads whole for the school's curator and the coordinator; nobody else.
    let path = format!("/documents/{approval_id}/scan");
    let download = app.get(&curator, &path).await;
    assert_eq!(download.bytes, PDF);
    assert_eq!(download.headers["content-type"], "application/pdf");
    assert_eq!(download.headers["x-content-type-options"], "nosniff");
    assert!(download.headers["content-disposition"].to_str().expect("ascii").starts_with("attachment;"));
    let coordinator = app.login("coordinator", "metodist").await;
    assert_eq!(app.get(&coordinator, &path).await.bytes, PDF);
    for login in ["kurator7", "nastavnik1", "molodoy1"] {
        let other = app.login(login, login).await;
        assert_eq!(app.get(&other, &path).await.status.as_u16(), 404, "{login}");
    }
    assert_eq!(app.get(&TestApp::anonymous(), &path).await.status.as_u16(), 401);

    // A scan attached later replaces the missing one; the log tells both, without the file.
    let regulation_id = page.documents.iter().find(|d| d.kind == DocumentKind::Regulation).expect("regulation").id.to_string();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let attached = app.upload_form(&curator, "documents/scan", &[("document_id", &regulation_id)], Some(("положение.png", png))).await;
    assert!(attached.ok(), "{}", attached.text);
    assert_eq!(app.get(&curator, &format!("/documents/{regulation_id}/scan")).await.bytes, png);
    let log = app.invoke(&curator, app::api::accounts::AuditLog { organisation_id: None }).await.expect("log");
    assert!(log.iter().any(|l| l.summary.contains("Внесён документ: Приказ об утверждении программы наставничества от 30.08.2026 № 15-о")), "{log:?}");
    assert!(log.iter().any(|l| l.summary.contains("Прикреплён скан: Положение о наставничестве")));

    // Removing takes the scan with it.
    app.invoke(&curator, DeleteDocument { id: approval_id }).await.expect("deleted");
    assert_eq!(app.get(&curator, &path).await.status.as_u16(), 404);
});

on_both_backends!(the_pairs_order_is_in_the_register_and_keeps_its_scan_when_renumbered, |backend| async move {
    use app::api::programmes::{GetOrderDetails, SaveOrderDetails};
    use domain::models::OrderDetails;
    let app = TestApp::spawn(backend).await;
    let curator = app.login("curator", "kurator1").await;
    let programme = app.programme(&curator, None).await;
    let details = OrderDetails { number: "112-о".into(), signed_on: "2026-09-15".into(), head_name: "Петров П. П.".into(), head_position: "Директор".into() };
    app.invoke(&curator, SaveOrderDetails { programme_id: programme, details: details.clone() }).await.expect("saved");
    let page = app.invoke(&curator, ListDocuments { organisation_id: None }).await.expect("list");
    let order = page.documents.iter().find(|d| d.kind == DocumentKind::PairsOrder).expect("in the register");
    let order_id = order.id.to_string();
    let attached = app.upload_form(&curator, "documents/scan", &[("document_id", &order_id)], Some(("order.pdf", PDF))).await;
    assert!(attached.ok(), "{}", attached.text);
    let renumbered = OrderDetails { number: "113-о".into(), ..details };
    app.invoke(&curator, SaveOrderDetails { programme_id: programme, details: renumbered.clone() }).await.expect("saved");
    assert_eq!(app.invoke(&curator, GetOrderDetails { programme_id: programme }).await, Ok(Some(renumbered)));
    let page = app.invoke(&curator, ListDocuments { organisation_id: None }).await.expect("list");
    let orders: Vec<_> = page.documents.iter().filter(|d| d.kind == DocumentKind::PairsOrder).collect();
    assert_eq!(orders.len(), 1);
    assert_eq!((orders[0].number.as_str(), orders[0].scan.is_some()), ("113-о", true));
});
