// Receipts a driver keeps, the phone's side of serve.py's /receipts/*: the e-mail address check,
// EU VAT number formats and the invoice details kept on the phone (their storage form and checks),
// the months an expense export covers, the requests to /receipts/email, /pdf and /export with the
// documents they answer, and the server's refusals in the driver's words.
// Other parts include only this header.
#pragma once

#include "email_address.hpp"
#include "vat_number.hpp"
#include "invoice.hpp"
#include "export_period.hpp"
#include "receipt_requests.hpp"
#include "refusals.hpp"
