#include "report_pdf/pango_text.hpp"

#include "report_pdf/pdf_libraries.hpp"

namespace repere::report::detail {

namespace {
constexpr const char* kFamily = "Andika, DejaVu Sans, sans-serif";
}

PangoLayout* layoutOf(cairo_t* cr, const std::string& s, double width, double size, bool bold,
                      PangoAlignment align) {
    PangoLayout* layout = pdf().pango_cairo_create_layout(cr);
    PangoFontDescription* font = pdf().pango_font_description_from_string(kFamily);
    pdf().pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pdf().pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pdf().pango_layout_set_font_description(layout, font);
    pdf().pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pdf().pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pdf().pango_layout_set_alignment(layout, align);
    pdf().pango_layout_set_text(layout, s.c_str(), -1);
    pdf().pango_font_description_free(font);
    return layout;
}

double text(cairo_t* cr, const std::string& s, double x, double y, double width, double size,
            bool bold, PangoAlignment align, double gray) {
    PangoLayout* layout = layoutOf(cr, s, width, size, bold, align);
    pdf().cairo_set_source_rgb(cr, gray, gray, gray);
    pdf().cairo_move_to(cr, x, y);
    pdf().pango_cairo_show_layout(cr, layout);
    int w = 0, h = 0;
    pdf().pango_layout_get_pixel_size(layout, &w, &h);
    pdf().g_object_unref(layout);
    return h;
}

double textWidth(cairo_t* cr, const std::string& s, double size, bool bold) {
    PangoLayout* layout = layoutOf(cr, s, -1, size, bold, PANGO_ALIGN_LEFT);
    pdf().pango_layout_set_width(layout, -1); // no wrapping
    int w = 0, h = 0;
    pdf().pango_layout_get_pixel_size(layout, &w, &h);
    pdf().g_object_unref(layout);
    return w;
}

double measure(cairo_t* cr, const std::string& s, double width, double size) {
    PangoLayout* layout = layoutOf(cr, s, width, size, false, PANGO_ALIGN_LEFT);
    int w = 0, h = 0;
    pdf().pango_layout_get_pixel_size(layout, &w, &h);
    pdf().g_object_unref(layout);
    return h;
}

} // namespace repere::report::detail
