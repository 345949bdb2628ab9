// Text drawn with pango on a cairo context, in the bilan's font: shared by the bilan PDF and the
// back office's SVG charts so that both print words the same way. Internal to repere_report_pdf.
#pragma once

#include <pango/pangocairo.h>
#include <string>

namespace repere::report::detail {

// `s` laid out in `width` (-1: one line) at `size` (wrapped on words); the caller unrefs it.
PangoLayout* layoutOf(cairo_t* cr, const std::string& s, double width, double size, bool bold,
                      PangoAlignment align);

// Draws `s` at (x, y) wrapped to `width`; returns the height used.
double text(cairo_t* cr, const std::string& s, double x, double y, double width, double size,
            bool bold = false, PangoAlignment align = PANGO_ALIGN_LEFT, double gray = 0.0);

// The width of `s` on one line.
double textWidth(cairo_t* cr, const std::string& s, double size, bool bold);

// The height `s` would take wrapped to `width`, without drawing it.
double measure(cairo_t* cr, const std::string& s, double width, double size);

} // namespace repere::report::detail
