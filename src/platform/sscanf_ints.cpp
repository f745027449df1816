// sscanf for the patterns the linked libraries read: literal text and %d/%i. Dear ImGui's GL3
// backend reads its shader version from "#version 300 es" with "#version %d" (without it, it picks
// shaders WebGL 2 refuses and nothing is drawn), and its .ini reader names "Pos=%i,%i" (never
// run: io.IniFilename is null). libc's scanner (5 KB with its float reading) drops out of the
// link (-Wl,--wrap=sscanf in CMakeLists.txt). Any other conversion stops the scan.
#include <cctype>
#include <cstdarg>
#include <cstdlib>

extern "C" int __wrap_sscanf(const char* in, const char* format, ...) {
    va_list args;
    va_start(args, format);
    int stored = 0;
    for (const char* f = format; *f; ++f) {
        if (std::isspace(static_cast<unsigned char>(*f))) {
            while (std::isspace(static_cast<unsigned char>(*in))) ++in;
        } else if (*f != '%') {
            if (*in != *f) break;
            ++in;
        } else if (f[1] == 'd' || f[1] == 'i') {
            ++f;
            char* end = nullptr;
            const long value = std::strtol(in, &end, f[0] == 'd' ? 10 : 0);
            if (end == in) break;
            *va_arg(args, int*) = static_cast<int>(value);
            ++stored;
            in = end;
        } else {
            break;
        }
    }
    va_end(args);
    return stored;
}
