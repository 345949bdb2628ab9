// The back office's "levels reached" bar chart drawn with the bilan's cairo + pango code, as SVG
// to put inline in a page: one horizontal bar per level, its label before and its count after.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace repere::report {

// The <svg> element (no XML prolog): class "chart", role "img", `title` as its aria-label and
// <title> (the words are drawn as glyph outlines, which screen readers cannot read), a viewBox
// and width="100%" so that it shrinks to a phone's width. Every id cairo defines is prefixed
// with `idPrefix`, distinct per chart, so that several charts can share one page.
std::string levelChartSvg(const std::string& title,
                          const std::vector<std::pair<std::string, int>>& levels,
                          const std::string& idPrefix);

// `svg` with `prefix` put before every id it defines and every reference to one (id="X",
// href="#X", xlink:href="#X", url(#X)).
std::string prefixSvgIds(std::string_view svg, std::string_view prefix);

} // namespace repere::report
