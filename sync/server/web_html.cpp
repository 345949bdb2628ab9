#include "sync/server/web_html.hpp"

#include <stdexcept>

namespace repere::sync::server::web {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

Html render(std::string_view tmpl, const Vars& vars) {
    std::string out;
    out.reserve(tmpl.size() * 2);
    std::size_t pos = 0;
    while (pos < tmpl.size()) {
        const auto open = tmpl.find("{{", pos);
        if (open == std::string_view::npos) {
            out.append(tmpl.substr(pos));
            break;
        }
        const auto close = tmpl.find("}}", open + 2);
        if (close == std::string_view::npos)
            throw std::logic_error("template: unclosed {{");
        out.append(tmpl.substr(pos, open - pos));
        const std::string name(tmpl.substr(open + 2, close - open - 2));
        const auto it = vars.find(name);
        if (it == vars.end())
            throw std::logic_error("template: no value for {{" + name + "}}");
        if (const auto* text = std::get_if<std::string>(&it->second))
            out += escape(*text);
        else
            out += std::get<Html>(it->second).str();
        pos = close + 2;
    }
    return Html(std::move(out));
}

} // namespace repere::sync::server::web
