// Writes the native build's compiled translations as the files the web build fetches
// (DIR/<code>.bin: "EVT1", the ids' hash, the packed table), for tools/make_strings.py --compare.
#include <cstdio>
#include <string>

#include "core/text/string_table.hpp"
#include "core/text/text.hpp"

namespace {

bool write(const std::string& path, core::strings::TableView t) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return false;
    const uint32_t h = core::string_ids_hash();
    const unsigned char header[8] = {'E', 'V', 'T', '1', static_cast<unsigned char>(h), static_cast<unsigned char>(h >> 8),
                                     static_cast<unsigned char>(h >> 16), static_cast<unsigned char>(h >> 24)};
    std::fwrite(header, 1, sizeof header, f);
    for (size_t i = 0; i < core::kStrCount; ++i) {
        const unsigned char o[2] = {static_cast<unsigned char>(t.offsets[i]), static_cast<unsigned char>(t.offsets[i] >> 8)};
        std::fwrite(o, 1, 2, f);
    }
    std::fwrite(t.chars, 1, t.size, f);
    return std::fclose(f) == 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: strings_dump DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    const bool ok = write(dir + "/nl.bin", core::strings::dutch()) && write(dir + "/de.bin", core::strings::german()) &&
                    write(dir + "/fr.bin", core::strings::french());
    return ok ? 0 : 1;
}
