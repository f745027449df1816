// Directions to a charger: its coordinates and name handed to the phone's maps app, by the link
// each platform opens — a geo: URI on Android, Apple Maps on iPhone, iPad and Mac, a web map
// elsewhere (a deployment may name its own).
#pragma once
#include <string>
#include <string_view>

#include "geo.hpp"

namespace core {

enum class DeviceKind { Other, Android, Apple };

// The device from the browser's user agent.
DeviceKind device_from_user_agent(std::string_view user_agent);

// Google's documented cross-platform Maps URL: any browser, any phone.
inline constexpr const char* kDefaultDirectionsUrl = "https://www.google.com/maps/dir/?api=1&destination={lat},{lng}";

// The link to open for directions to `to`. `web_template` (for DeviceKind::Other) may hold
// {lat}, {lng} and {name}; an empty one means kDefaultDirectionsUrl. Coordinates are written with
// six decimals (about 10 cm); the name is percent-encoded.
std::string directions_link(DeviceKind device, geo::LatLng to, std::string_view name, std::string_view web_template = {});

}  // namespace core
