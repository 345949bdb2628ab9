#include "report_pdf/level_chart_svg.hpp"

#include "report_pdf/pango_text.hpp"
#include "report_pdf/pdf_libraries.hpp"

#include <algorithm>
#include <cairo-svg.h>
#include <stdexcept>

namespace repere::report {

namespace {

using detail::pdf;

// The sizes of the chart the back office drew by hand before, in CSS pixels.
constexpr int kRowH = 26;
constexpr int kBarH = 18;
constexpr int kLabelW = 110;
constexpr int kBarW = 180;
constexpr int kCountW = 50;
constexpr double kFontSize = 13.0;
constexpr double kInk = 0.1; // #1a1a1a, the page's text colour to within a shade

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void roundedBar(cairo_t* cr, double x, double y, double w, double h, double r) {
    pdf().cairo_new_sub_path(cr);
    pdf().cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
    pdf().cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
    pdf().cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
    pdf().cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
    pdf().cairo_close_path(cr);
    pdf().cairo_set_source_rgb(cr, 0x2b / 255.0, 0x6c / 255.0, 0xb0 / 255.0); // #2b6cb0
    pdf().cairo_fill(cr);
}

std::string escapeXml(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '"')
            out += "&quot;";
        else
            out += c;
    }
    return out;
}

// Cairo's drawing as SVG text, prolog included.
std::string drawChart(const std::vector<std::pair<std::string, int>>& levels, int width,
                      int height) {
    std::string svg;
    cairo_surface_t* surface =
        pdf().cairo_svg_surface_create_for_stream(append, &svg, width, height);
    // Pixels, not cairo's default points: the viewBox is what scales, the unit must be the page's.
    pdf().cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
    cairo_t* cr = pdf().cairo_create(surface);
    int top = 1;
    for (const auto& level : levels)
        top = std::max(top, level.second);
    int y = 2;
    for (const auto& [label, count] : levels) {
        const int w = std::max(2, kBarW * count / top);
        // Label and count centred on the bar, as the hand-written SVG's baselines put them.
        const double labelH = detail::measure(cr, label, kLabelW - 6, kFontSize);
        detail::text(cr, label, 0, y + (kBarH - labelH) / 2, kLabelW - 6, kFontSize, false,
                     PANGO_ALIGN_RIGHT, kInk);
        const std::string countText = std::to_string(count);
        const double countH = detail::measure(cr, countText, kCountW, kFontSize);
        detail::text(cr, countText, kLabelW + w + 6, y + (kBarH - countH) / 2, kCountW - 6,
                     kFontSize, false, PANGO_ALIGN_LEFT, kInk);
        roundedBar(cr, kLabelW, y, w, kBarH, 3);
        y += kRowH;
    }
    pdf().cairo_destroy(cr);
    pdf().cairo_surface_finish(surface);
    const cairo_status_t status = pdf().cairo_surface_status(surface);
    pdf().cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("level chart: ") +
                                 pdf().cairo_status_to_string(status));
    return svg;
}

} // namespace

std::string prefixSvgIds(std::string_view svg, std::string_view prefix) {
    static constexpr std::string_view kMarks[] = {"id=\"", "href=\"#", "url(#"};
    std::string out;
    out.reserve(svg.size() + svg.size() / 8);
    std::size_t pos = 0;
    while (pos < svg.size()) {
        std::size_t next = std::string_view::npos, markLen = 0;
        for (const auto mark : kMarks) {
            const auto at = svg.find(mark, pos);
            if (at < next) {
                next = at;
                markLen = mark.size();
            }
        }
        if (next == std::string_view::npos) {
            out.append(svg.substr(pos));
            break;
        }
        // "id=" only as a whole attribute name: not the end of another name such as "grid=".
        const bool whole = svg.compare(next, 3, "id=") != 0 || next == 0 || svg[next - 1] == ' ' ||
                           svg[next - 1] == '\n' || svg[next - 1] == '\t';
        out.append(svg.substr(pos, next + markLen - pos));
        if (whole)
            out.append(prefix);
        pos = next + markLen;
    }
    return out;
}

std::string levelChartSvg(const std::string& title,
                          const std::vector<std::pair<std::string, int>>& levels,
                          const std::string& idPrefix) {
    const int width = kLabelW + kBarW + kCountW;
    const int height = kRowH * static_cast<int>(levels.size()) + 4;
    const std::string drawn = prefixSvgIds(drawChart(levels, width, height), idPrefix);
    // Cairo's root element is replaced by ours; what it holds is kept.
    const auto rootOpen = drawn.find("<svg");
    const auto rootEnd = rootOpen == std::string::npos ? rootOpen : drawn.find('>', rootOpen);
    if (rootEnd == std::string::npos)
        throw std::runtime_error("level chart: cairo wrote no <svg> element");
    const std::string label = escapeXml(title);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
           "class=\"chart\" role=\"img\" aria-label=\"" +
           label + "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
           "\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"><title>" + label + "</title>" +
           drawn.substr(rootEnd + 1);
}

} // namespace repere::report
