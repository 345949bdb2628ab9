// The back office's renderer escapes every value (issue 18): hostile codes, answers and names
// are shown as text, never as markup.
#include "sync/server/web_html.hpp"

#include <catch2/catch.hpp>

using namespace repere::sync::server::web;

TEST_CASE("html: every value is escaped, in text and in attributes") {
    const auto page = render(R"(<p title="{{a}}">{{b}}</p>)",
                             {{"a", std::string("\" onmouseover=\"alert(1)")},
                              {"b", std::string("<script>alert('x')</script> & co")}});
    CHECK(page.str() == "<p title=\"&quot; onmouseover=&quot;alert(1)\">&lt;script&gt;"
                        "alert(&#39;x&#39;)&lt;/script&gt; &amp; co</p>");
    CHECK(page.str().find("<script>") == std::string::npos);
}

TEST_CASE("html: only rendered fragments and literals go in as markup") {
    const Html row = render("<td>{{v}}</td>", {{"v", std::string("<b>")}});
    const auto table = render("<tr>{{row}}</tr>", {{"row", row}});
    CHECK(table.str() == "<tr><td>&lt;b&gt;</td></tr>");
    CHECK(render("{{x}}", {{"x", Html::literal("<em>ok</em>")}}).str() == "<em>ok</em>");
}

TEST_CASE("html: a template marker without a value is an error, not an empty string") {
    CHECK_THROWS_AS(render("<p>{{missing}}</p>", {}), std::logic_error);
    CHECK_THROWS_AS(render("<p>{{open</p>", {}), std::logic_error);
    CHECK(escape("plain text é") == "plain text é");
}
