// The back office's level chart drawn by cairo as inline SVG: well-formed XML (python3's parser),
// labelled for screen readers, and two charts of one page never define the same id.
#include "report_pdf/level_chart_svg.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <unistd.h>

using repere::report::levelChartSvg;
using repere::report::prefixSvgIds;

namespace {

const std::vector<std::pair<std::string, int>> kLevels = {
    {"Pré-A1", 3}, {"A1", 7}, {"A2", 1}, {"pas évalué", 0}};

std::set<std::string> matches(const std::string& svg, const std::string& pattern) {
    std::set<std::string> out;
    const std::regex re(pattern);
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator();
         ++it)
        out.insert((*it)[1].str());
    return out;
}

std::set<std::string> ids(const std::string& svg) {
    return matches(svg, R"re(\sid="([^"]*)")re");
}

std::set<std::string> references(const std::string& svg) {
    std::set<std::string> out = matches(svg, R"re(href="#([^"]*)")re");
    for (const auto& r : matches(svg, R"re(url\(#([^)]*)\))re"))
        out.insert(r);
    return out;
}

// python3's XML parser accepts the text (exit status 0).
bool wellFormed(const std::string& svg) {
    char path[] = "/tmp/repere-chart-XXXXXX";
    const int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    close(fd);
    std::ofstream(path) << svg;
    const std::string cmd = std::string("python3 -c 'import sys, xml.dom.minidom as m; "
                                        "m.parse(sys.argv[1])' ") +
                            path + " 2>&1";
    const int status = std::system(cmd.c_str());
    std::remove(path);
    return status == 0;
}

} // namespace

TEST_CASE("level chart SVG is well-formed, inline and labelled") {
    const std::string svg = levelChartSvg("Niveaux atteints : Lire & <écrire>", kLevels, "c0-");
    CHECK(svg.rfind("<svg ", 0) == 0); // no <?xml ?> prolog: it goes inside a page
    CHECK(svg.find("<?xml") == std::string::npos);
    CHECK(svg.find(R"(class="chart" role="img")") != std::string::npos);
    CHECK(svg.find(R"(aria-label="Niveaux atteints : Lire &amp; &lt;écrire>")") !=
          std::string::npos);
    CHECK(svg.find("<title>Niveaux atteints : Lire &amp; &lt;écrire></title>") !=
          std::string::npos);
    CHECK(svg.find(R"(viewBox="0 0 340 108")") != std::string::npos);
    CHECK(svg.find(R"(width="100%")") != std::string::npos);
    // One bar per level, in the dashboard's blue.
    CHECK(svg.find("rgb(16.862745%,42.352941%,69.019608%)") != std::string::npos);
    CHECK(wellFormed(svg));
}

TEST_CASE("two level charts on one page define no id twice and reference only their own") {
    const std::string a = levelChartSvg("A", kLevels, "c0-");
    const std::string b = levelChartSvg("B", {{"A1", 2}, {"B1", 5}}, "c1-");
    const auto idsA = ids(a), idsB = ids(b);
    REQUIRE_FALSE(idsA.empty()); // cairo defines glyphs: a test without ids would prove nothing
    for (const auto& id : idsA) {
        CHECK(id.rfind("c0-", 0) == 0);
        CHECK(idsB.count(id) == 0);
    }
    for (const auto& id : idsB)
        CHECK(id.rfind("c1-", 0) == 0);
    for (const auto& ref : references(a))
        CHECK(idsA.count(ref) == 1);
    for (const auto& ref : references(b))
        CHECK(idsB.count(ref) == 1);
    CHECK(wellFormed("<div>" + a + b + "</div>"));
}

TEST_CASE("prefixSvgIds prefixes definitions and references, nothing else") {
    CHECK(
        prefixSvgIds(
            R"svg(<g id="glyph0-1"/><use xlink:href="#glyph0-1"/><rect clip-path="url(#clip1)"/>)svg",
            "p-") ==
        R"svg(<g id="p-glyph0-1"/><use xlink:href="#p-glyph0-1"/><rect clip-path="url(#p-clip1)"/>)svg");
    CHECK(prefixSvgIds(R"svg(<a href="#x" grid="1" data-id="y">id="z"</a>)svg", "p-") ==
          R"svg(<a href="#p-x" grid="1" data-id="y">id="z"</a>)svg");
}
