// Receipts a driver keeps (receipts_flow.cpp): e-mail, PDF, invoice details, expense export.
#pragma once
#include "step.hpp"

namespace core::detail {

void restore_receipt_keeping(Step& s, const Boot& boot);
void reset_receipt_tasks(Model& m);  // a receipt opened or left: its sends and downloads start afresh
void send_receipt_mail(Step& s, const intent::SendReceiptMail& i);
void remember_email(Step& s, const intent::RememberEmail& i);
void on_mail_answer(Step& s, const HttpResponse& r, const std::string& session_id);
// After every event: an address given before charging goes out with the receipt once it is ready.
void mail_when_ready(Step& s);
void download_receipt_pdf(Step& s);
void on_pdf_answer(Step& s, HttpResponse r, std::string filename);
void open_invoice(Step& s);
void save_invoice(Step& s, const intent::SaveInvoice& i);
void open_export(Step& s);
void choose_export_months(Step& s, const intent::ChooseExportMonths& i);
void move_export_month(Step& s, const intent::MoveExportMonth& i);
void export_sessions(Step& s, const intent::ExportSessions& i);
void on_export_answer(Step& s, HttpResponse r, std::string filename);

}  // namespace core::detail
