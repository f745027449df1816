// The scanner: the camera's viewfinder (the video itself is a page element placed over the box
// this screen reserves), what the camera or the last code is doing, the torch, and typing the
// charger ID instead. And the scan result: the charger the code led to, checked before any start.
#include <algorithm>
#include <string>
#include <vector>

#include "core/api/api.hpp"
#include "core/journey/journey.hpp"
#include "imgui.h"
#include "journey.hpp"
#include "ui/widgets/widgets.hpp"

namespace ui {

using core::Str;
using core::tr;

namespace {

// Corner brackets: where the code should go. The camera picture covers the box once it runs.
void draw_viewfinder(float size) {
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 b(a.x + w, a.y + size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, IM_COL32(0x1C, 0x1F, 0x1D, 0xFF), theme::px(10));
    const float inset = theme::px(24), arm = theme::px(28), thick = theme::px(4);
    const float cx = (a.x + b.x) / 2, cy = (a.y + b.y) / 2, half = std::min(w, size) / 2 - inset;
    const ImU32 c = IM_COL32_WHITE;
    for (int sx : {-1, 1})
        for (int sy : {-1, 1}) {
            const ImVec2 corner(cx + sx * half, cy + sy * half);
            dl->AddLine(corner, ImVec2(corner.x - sx * arm, corner.y), c, thick);
            dl->AddLine(corner, ImVec2(corner.x, corner.y - sy * arm), c, thick);
        }
    ImGui::Dummy(ImVec2(w, size));
}

Str typed_feedback(core::TypedEvseId check) {
    switch (check) {
        case core::TypedEvseId::Incomplete: return Str::EvseIdIncomplete;
        case core::TypedEvseId::Invalid: return Str::EvseIdInvalid;
        case core::TypedEvseId::Valid: return Str::EvseIdValid;
        case core::TypedEvseId::Empty: break;
    }
    return Str::None;
}

}  // namespace

void draw_scan_screen(const core::Model& m, Intents& out, ViewBox* camera_box) {
    if (top_bar(tr(Str::ScanTitle), true)) out.push_back(core::intent::Back{});
    const core::ScanState& s = m.scan;
    const bool camera_running = s.camera == core::CameraStatus::Starting || s.camera == core::CameraStatus::Live;
    if (camera_running) {
        const float size = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y * 0.45f);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        draw_viewfinder(size);
        if (camera_box != nullptr) *camera_box = {at.x, at.y, ImGui::GetItemRectSize().x, size};
    }

    ImGui::PushTextWrapPos(0);
    if (s.looking_up) status_line(tr(Str::LookingUpCharger));
    else if (s.problem != Str::None) status_line(core::tr_format(s.problem, {s.problem_detail}));
    else if (core::scan::camera_text(s.camera) != Str::None) status_line(tr(core::scan::camera_text(s.camera)));
    else if (camera_running) status_line(tr(Str::ScanHint));
    ImGui::PopTextWrapPos();

    if (s.camera == core::CameraStatus::Live && s.torch_supported) {
        if (button(tr(s.torch_on ? Str::TorchOff : Str::TorchOn))) out.push_back(core::intent::ToggleTorch{});
    }
    if (!camera_running || s.problem != Str::None) {
        if (button(tr(camera_running ? Str::ScanAgain : Str::OpenCamera))) out.push_back(core::intent::ScanAgain{});
    }

    ImGui::Spacing();
    static std::string typed;  // the driver's typing; checked as it changes
    const bool entered = text_field(tr(Str::EvseIdField), typed, tr(Str::EvseIdHint));
    const core::TypedEvseId check = core::check_typed_evse_id(typed);
    if (const Str feedback = typed_feedback(check); feedback != Str::None) {
        ImGui::PushTextWrapPos(0);
        text(tr(feedback));
        ImGui::PopTextWrapPos();
    }
    const bool can_find = check == core::TypedEvseId::Valid && !s.looking_up;
    if ((button(tr(Str::FindCharger), 0, can_find) || (entered && can_find))) {
        out.push_back(core::intent::SubmitEvseId{typed});
    }
    if (button(tr(Str::Cancel))) out.push_back(core::intent::Back{});
}

void draw_scan_result_screen(const core::Model& m, Intents& out) {
    if (top_bar(tr(Str::ScanResultTitle), true)) out.push_back(core::intent::Back{});
    message_banner(m, out);
    const core::Evse* evse = core::scan::found_evse(m);
    if (evse == nullptr || !m.location) return;
    const core::Location& loc = *m.location;
    const bool usable = evse->status == core::EvseStatus::Available && !evse->charging_not_allowed;
    const std::string name = evse->display_name.empty() ? evse->uid : evse->display_name;
    std::vector<const core::Connector*> shown;  // a code naming its connector shows that one; an EVSE id all
    for (const auto& c : evse->connectors)
        if (m.scan.found_connector_id.empty() || c.id == m.scan.found_connector_id) shown.push_back(&c);
    // One connector: its Charge button is the screen's main action, in the footer. Several: each
    // gets its button under the charger.
    const bool footer = shown.size() == 1;
    begin_body("##scan-result", footer_height(footer ? 2 : 1));
    ImGui::PushTextWrapPos(0);
    muted_text(tr(Str::ScanResultHint));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    heading(loc.name);
    if (begin_facts("##found")) {
        fact_row(tr(Str::FactChargerId), evse->evse_id.empty() ? evse->uid : evse->evse_id);
        if (const std::string op = core::operator_name(loc); !op.empty()) fact_row(tr(Str::FactOperator), op);
        fact_row(tr(Str::FactAddress), loc.name + ", " + loc.address + ", " + loc.postal_code + " " + loc.city);
        end_facts();
    }
    ImGui::Spacing();
    ImGui::Separator();
    evse_summary(*evse, m.scan.found_connector_id);
    if (!footer)
        for (const core::Connector* c : shown)
            if (button(core::tr_format(Str::ChooseConnector, {name, c->id}), 0, usable))
                out.push_back(core::intent::ChooseConnector{evse->uid, c->id});
    end_body();
    if (footer && primary_button(core::tr_format(Str::ChooseConnector, {name, shown[0]->id}), usable))
        out.push_back(core::intent::ChooseConnector{evse->uid, shown[0]->id});
    if (secondary_button(tr(Str::ScanAgain))) out.push_back(core::intent::ScanAgain{});
}

}  // namespace ui
