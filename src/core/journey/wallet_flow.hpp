// The wallet and the history: listing payment methods with their verification, adding an external
// method, removing one (DELETE), keeping a default on this phone; past sessions and their receipts.
#pragma once
#include "step.hpp"

namespace core::detail {

void open_wallet(Step& s);
void remove_payment_method(Step& s, const std::string& id);
void add_external_method(Step& s, const std::string& external_id);
void set_default_payment(Step& s, const std::string& id);
void on_remove_payment(Step& s, const HttpResponse& r, const std::string& id);
void on_add_external(Step& s, const HttpResponse& r);

void open_history(Step& s);
void open_past_session(Step& s, const std::string& session_id);
void on_past_session(Step& s, const HttpResponse& r, const std::string& session_id);

}  // namespace core::detail
