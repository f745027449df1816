// Sets core's current language for one test and puts English back after it.
#pragma once
#include "core/text/language.hpp"

struct InLanguage {
    explicit InLanguage(core::Language l) { core::set_language(l); }
    ~InLanguage() { core::set_language(core::Language::En); }
    InLanguage(const InLanguage&) = delete;
    InLanguage& operator=(const InLanguage&) = delete;
};
