#include "i18n/strings.hpp"

#include "i18n/strings_table.hpp"

#include <cstdio>
#include <map>
#include <mutex>
#include <set>

namespace repere::i18n {
namespace {

struct Table {
    // locale -> key -> text
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> byLocale;
};

const Table& table() {
    static const Table t = [] {
        Table out;
        for (std::size_t i = 0; i < detail::kRowCount; ++i) {
            const auto& r = detail::kRows[i];
            out.byLocale["fr"][r.key] = r.fr;
            if (r.en)
                out.byLocale["en"][r.key] = r.en;
        }
        return out;
    }();
    return t;
}

const std::string* lookup(std::string_view key, std::string_view locale) {
    const auto& t = table().byLocale;
    auto loc = t.find(locale);
    if (loc == t.end())
        return nullptr;
    auto it = loc->second.find(key);
    return it == loc->second.end() ? nullptr : &it->second;
}

} // namespace

const std::vector<std::string>& uiLocales() {
    static const std::vector<std::string> locales{"fr", "en"};
    return locales;
}

const std::string& text(std::string_view key, std::string_view locale) {
    if (const auto* s = lookup(key, locale))
        return *s;
    if (const auto* s = lookup(key, "fr"))
        return *s;
    // Unknown key: show the key (a bug to fix, but never a blank button), log once.
    static std::mutex m;
    static std::set<std::string, std::less<>> missing;
    std::lock_guard lock(m);
    auto [it, inserted] = missing.emplace(key);
    if (inserted)
        std::fprintf(stderr, "repere: missing string key '%s'\n", it->c_str());
    return *it;
}

bool has(std::string_view key, std::string_view locale) {
    return lookup(key, locale) != nullptr;
}

std::vector<std::string> keys() {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < detail::kRowCount; ++i)
        out.emplace_back(detail::kRows[i].key);
    return out;
}

std::string format(std::string_view pattern,
                   std::initializer_list<std::pair<std::string_view, std::string>> values) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            const auto close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                const auto name = pattern.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [k, v] : values) {
                    if (k == name) {
                        out += v;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

std::string frenchNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    std::string s = buf;
    for (auto& c : s)
        if (c == '.')
            c = ',';
    return s;
}

} // namespace repere::i18n
