// The back office's HTML renderer: a template's {{name}} is replaced by the value's text with
// & < > " ' escaped, always. The only markup that goes in unescaped is an Html value, and an Html
// is made only by render() (from a template written in this program) or from a string literal,
// never from data: a code, an answer or a name typed by anybody is text, whatever it contains.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace repere::sync::server::web {

class Html {
public:
    Html() = default;
    // Only a literal written in the source can become markup directly.
    template <std::size_t N> static Html literal(const char (&text)[N]) {
        return Html(std::string(text, N - 1));
    }
    // Markup written whole by a renderer of this program that escapes every text it puts in (the
    // level charts cairo draws); never a string that came from data.
    static Html fromRenderer(std::string markup) { return Html(std::move(markup)); }
    const std::string& str() const { return text_; }
    Html& operator+=(const Html& other) {
        text_ += other.text_;
        return *this;
    }

private:
    explicit Html(std::string text) : text_(std::move(text)) {}
    std::string text_;
    friend Html render(std::string_view,
                       const std::map<std::string, std::variant<std::string, Html>>&);
};

using Value = std::variant<std::string, Html>;
using Vars = std::map<std::string, Value>;

std::string escape(std::string_view text);

// Fills `tmpl`'s {{name}} markers. A marker without a value throws std::logic_error (a typo in a
// template must not silently print nothing).
Html render(std::string_view tmpl, const Vars& vars);

} // namespace repere::sync::server::web
