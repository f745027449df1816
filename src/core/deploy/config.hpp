// A deployment's configuration as the app receives it (GET /config.json from serve.py): which app
// (driver, hotel portal, demo kiosk), in whose branding, for which locations. Type and JSON codec.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/api.hpp"
#include "core/journey/journey.hpp"

namespace core {

enum class AppMode { Driver, Portal, Kiosk };

struct KioskSettings {
    int idle_seconds = 60;       // no touch for this long: the countdown starts
    int countdown_seconds = 10;  // shown before the reset
    std::string demo_card = "DEMO00000001";
    std::string location_id;     // where the guided demo charges
};

struct DeployConfig {
    AppMode mode = AppMode::Driver;
    Branding branding;  // the API's OperatorBrandingModel (core/api/types.hpp)
    std::vector<std::string> location_ids;  // in scope; empty: every location
    std::optional<BoundingBox> area;         // where the app looks first
    std::vector<std::string> languages{"en", "nl", "de", "fr"};  // without a list: every language the app has
    std::string portal_time_zone;            // portal: the hotel's zone (IANA name)
    std::string directions_url;              // web map for directions: {lat} {lng} {name}; empty: the default
    KioskSettings kiosk;
};

// Never aborts; a value whose mode or kiosk settings are unusable is refused with the reason.
// Unknown fields are ignored (a newer server may say more).
Decoded<DeployConfig> decode_deploy_config(std::string_view body);

// "#1D4E89" / "#333" as 0xRRGGBB, nullopt for anything else.
std::optional<uint32_t> parse_hex_colour(std::string_view text);

}  // namespace core
