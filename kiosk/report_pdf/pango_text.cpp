#include "pango_text.hpp"

namespace repere::report::detail {

namespace {
constexpr const char* kFamily = "Andika, DejaVu Sans, sans-serif";
}

PangoLayout* layoutOf(cairo_t* cr, const std::string& s, double width, double size, bool bold,
                      PangoAlignment align) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_from_string(kFamily);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align);
    pango_layout_set_text(layout, s.c_str(), -1);
    pango_font_description_free(font);
    return layout;
}

double text(cairo_t* cr, const std::string& s, double x, double y, double width, double size,
            bool bold, PangoAlignment align, double gray) {
    PangoLayout* layout = layoutOf(cr, s, width, size, bold, align);
    cairo_set_source_rgb(cr, gray, gray, gray);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout, &w, &h);
    g_object_unref(layout);
    return h;
}

double textWidth(cairo_t* cr, const std::string& s, double size, bool bold) {
    PangoLayout* layout = layoutOf(cr, s, -1, size, bold, PANGO_ALIGN_LEFT);
    pango_layout_set_width(layout, -1); // no wrapping
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout, &w, &h);
    g_object_unref(layout);
    return w;
}

double measure(cairo_t* cr, const std::string& s, double width, double size) {
    PangoLayout* layout = layoutOf(cr, s, width, size, false, PANGO_ALIGN_LEFT);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout, &w, &h);
    g_object_unref(layout);
    return h;
}

} // namespace repere::report::detail
