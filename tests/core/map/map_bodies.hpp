// What the map tests send and read: a bounding-box page of locations as the service answers it,
// and a request's header.
#pragma once
#include <string>
#include <vector>

#include "core/io/io.hpp"

namespace test {

// A page of these ids, all at one spot in Amsterdam; with a token, it says there is more.
inline std::string location_page(const std::vector<std::string>& ids, const std::string& token = {}) {
    std::string data;
    for (const auto& id : ids)
        data += (data.empty() ? "" : ",") + std::string(R"({"id":")") + id + R"(","lat":52.37,"lng":4.90,"conAvail":1,"conTot":2})";
    const std::string count = R"({"count":)" + std::to_string(ids.size());
    const std::string meta = token.empty() ? count + R"(,"hasMoreData":false})"
                                           : count + R"(,"hasMoreData":true,"continuationToken":")" + token + "\"}";
    return R"({"data":[)" + data + R"(],"meta":)" + meta + "}";
}

// The value of a request's header, empty when it has none.
inline std::string header(const core::HttpRequest& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return {};
}

}  // namespace test
