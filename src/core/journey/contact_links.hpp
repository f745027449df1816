// An operator's or a hotel's support contacts as links a phone can follow: tel:, mailto: and a
// web address. The contacts come from the API's branding or a deployment's config, so each is
// checked: anything that is not plainly a phone number, an address or a http(s) site gets no link.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace core {

enum class ContactKind { Phone, Email, Website };

// The link for a contact as written ("+31 299 123 456", "help@hotel.nl", "www.hotel.nl"), or
// nothing when it cannot be one.
std::optional<std::string> contact_link(ContactKind kind, std::string_view written);

}  // namespace core
