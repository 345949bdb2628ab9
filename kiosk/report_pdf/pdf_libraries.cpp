#include "report_pdf/pdf_libraries.hpp"

#include "util/shared_library.hpp"

#include <stdexcept>

namespace repere::report::detail {
namespace {

#ifdef REPERE_LINK_PROBE
// Packaging only: bound by the linker, for dpkg-shlibdeps (see audio/sound_libraries.cpp).
#define REPERE_BIND(lib, fn) ((void)lib, t.fn = &::fn)
#else
#define REPERE_BIND(lib, fn) lib.bind(t.fn, #fn)
#endif

PdfLibraries load() {
    PdfLibraries t;
    util::SharedLibrary cairo("libcairo.so.2");
    REPERE_BIND(cairo, cairo_arc);
    REPERE_BIND(cairo, cairo_close_path);
    REPERE_BIND(cairo, cairo_create);
    REPERE_BIND(cairo, cairo_destroy);
    REPERE_BIND(cairo, cairo_fill);
    REPERE_BIND(cairo, cairo_fill_preserve);
    REPERE_BIND(cairo, cairo_line_to);
    REPERE_BIND(cairo, cairo_move_to);
    REPERE_BIND(cairo, cairo_new_sub_path);
    REPERE_BIND(cairo, cairo_pdf_surface_create);
    REPERE_BIND(cairo, cairo_pdf_surface_set_metadata);
    REPERE_BIND(cairo, cairo_rectangle);
    REPERE_BIND(cairo, cairo_set_line_width);
    REPERE_BIND(cairo, cairo_set_source_rgb);
    REPERE_BIND(cairo, cairo_show_page);
    REPERE_BIND(cairo, cairo_status_to_string);
    REPERE_BIND(cairo, cairo_stroke);
    REPERE_BIND(cairo, cairo_surface_destroy);
    REPERE_BIND(cairo, cairo_surface_finish);
    REPERE_BIND(cairo, cairo_surface_status);
    REPERE_BIND(cairo, cairo_svg_surface_create_for_stream);
    REPERE_BIND(cairo, cairo_svg_surface_set_document_unit);
    if (!cairo.ok() && t.error.empty())
        t.error = cairo.error();
    util::SharedLibrary pango("libpango-1.0.so.0");
    REPERE_BIND(pango, pango_font_description_free);
    REPERE_BIND(pango, pango_font_description_from_string);
    REPERE_BIND(pango, pango_font_description_set_absolute_size);
    REPERE_BIND(pango, pango_font_description_set_weight);
    REPERE_BIND(pango, pango_layout_get_line_count);
    REPERE_BIND(pango, pango_layout_get_pixel_size);
    REPERE_BIND(pango, pango_layout_set_alignment);
    REPERE_BIND(pango, pango_layout_set_font_description);
    REPERE_BIND(pango, pango_layout_set_text);
    REPERE_BIND(pango, pango_layout_set_width);
    REPERE_BIND(pango, pango_layout_set_wrap);
    if (!pango.ok() && t.error.empty())
        t.error = pango.error();
    util::SharedLibrary pangocairo("libpangocairo-1.0.so.0");
    REPERE_BIND(pangocairo, pango_cairo_create_layout);
    REPERE_BIND(pangocairo, pango_cairo_show_layout);
    if (!pangocairo.ok() && t.error.empty())
        t.error = pangocairo.error();
    util::SharedLibrary gobject("libgobject-2.0.so.0");
    REPERE_BIND(gobject, g_object_unref);
    if (!gobject.ok() && t.error.empty())
        t.error = gobject.error();
    return t;
}

#undef REPERE_BIND

} // namespace

const PdfLibraries& pdf() {
    static const PdfLibraries t = load();
    if (!t.error.empty())
        throw std::runtime_error("cannot draw the bilan: " + t.error);
    return t;
}

} // namespace repere::report::detail
