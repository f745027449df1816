// Parts of Dear ImGui 1.86 the app never runs, kept out of the wasm. 1.86 has no switch for
// them, and a call or a function pointer names each, so the linker keeps them; the link wraps
// them (-Wl,--wrap=... in CMakeLists.txt) with these stand-ins and the originals drop out.
struct ImFont;
struct ImFontAtlas;
struct ImFontConfig;
struct ImGuiContext;

// The default font (ProggyClean: 12 KB of base85 text, 9.7 KB of the wasm after brotli), named by
// ImFontAtlas::Build() for an atlas with no fonts. Ours always has the app's fonts before it is
// built (platform/dpi_scale.cpp).
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
    __builtin_trap();
}

// The .ini handlers of tables (2 KB): the app draws no tables, and io.IniFilename is null
// (platform/main.cpp), so no settings are ever read or written.
extern "C" void __wrap__ZN5ImGui27TableSettingsInstallHandlerEP12ImGuiContext(ImGuiContext*) {}
