// The Charge Assist API as plain values: its types, the codecs from JSON bodies (never abort,
// report path: problem), the requests the app sends to /api/..., the JSON field reader (and the
// JSON number reader the web build gives nlohmann/json), and the words for API states and facilities.
// Other parts include only this header.
#pragma once

#include "types.hpp"
#include "codec.hpp"
#include "json_read.hpp"
#include "json_number.hpp"
#include "requests.hpp"
#include "labels.hpp"
#include "location_facts.hpp"
