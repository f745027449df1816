// Directions links (see directions.hpp).
#include "directions.hpp"

#include <cstdio>

namespace core {

namespace {

std::string coordinate(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

// RFC 3986 unreserved characters stay; every other byte (UTF-8 included) is %XX.
std::string percent_encode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

void replace_all(std::string& s, std::string_view key, const std::string& value) {
    for (size_t at = s.find(key); at != std::string::npos; at = s.find(key, at + value.size())) s.replace(at, key.size(), value);
}

}  // namespace

DeviceKind device_from_user_agent(std::string_view ua) {
    if (contains(ua, "Android")) return DeviceKind::Android;
    // iPadOS says "Macintosh"; Apple Maps opens on a Mac too.
    if (contains(ua, "iPhone") || contains(ua, "iPad") || contains(ua, "iPod") || contains(ua, "Macintosh"))
        return DeviceKind::Apple;
    return DeviceKind::Other;
}

std::string directions_link(DeviceKind device, geo::LatLng to, std::string_view name, std::string_view web_template) {
    const std::string lat = coordinate(to.lat), lng = coordinate(to.lng), label = percent_encode(name);
    switch (device) {
        case DeviceKind::Android:
            // geo: with a query of the coordinates and a label, as Android's maps intents document it.
            return "geo:" + lat + "," + lng + "?q=" + lat + "," + lng + (label.empty() ? "" : "(" + label + ")");
        case DeviceKind::Apple:
            return "https://maps.apple.com/?daddr=" + lat + "," + lng + (label.empty() ? "" : "&q=" + label);
        case DeviceKind::Other: break;
    }
    std::string url(web_template.empty() ? std::string_view(kDefaultDirectionsUrl) : web_template);
    replace_all(url, "{lat}", lat);
    replace_all(url, "{lng}", lng);
    replace_all(url, "{name}", label);
    return url;
}

}  // namespace core
