// cairo and pango, opened with dlopen when the first bilan or chart is drawn rather than linked
// (util/shared_library.hpp): with glib, harfbuzz, fontconfig, freetype and pixman they are about
// 25 of the libraries the kiosk loaded before its first frame, for a page a trainer prints now
// and then. The table holds the functions this folder calls, with the libraries' own types.
// Internal to repere_report_pdf.
#pragma once

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <string>

namespace repere::report::detail {

struct PdfLibraries {
    std::string error; // empty: every function below is set
    decltype(&::cairo_arc) cairo_arc = nullptr;
    decltype(&::cairo_close_path) cairo_close_path = nullptr;
    decltype(&::cairo_create) cairo_create = nullptr;
    decltype(&::cairo_destroy) cairo_destroy = nullptr;
    decltype(&::cairo_fill) cairo_fill = nullptr;
    decltype(&::cairo_fill_preserve) cairo_fill_preserve = nullptr;
    decltype(&::cairo_line_to) cairo_line_to = nullptr;
    decltype(&::cairo_move_to) cairo_move_to = nullptr;
    decltype(&::cairo_new_sub_path) cairo_new_sub_path = nullptr;
    decltype(&::cairo_pdf_surface_create) cairo_pdf_surface_create = nullptr;
    decltype(&::cairo_pdf_surface_set_metadata) cairo_pdf_surface_set_metadata = nullptr;
    decltype(&::cairo_rectangle) cairo_rectangle = nullptr;
    decltype(&::cairo_set_line_width) cairo_set_line_width = nullptr;
    decltype(&::cairo_set_source_rgb) cairo_set_source_rgb = nullptr;
    decltype(&::cairo_show_page) cairo_show_page = nullptr;
    decltype(&::cairo_status_to_string) cairo_status_to_string = nullptr;
    decltype(&::cairo_stroke) cairo_stroke = nullptr;
    decltype(&::cairo_surface_destroy) cairo_surface_destroy = nullptr;
    decltype(&::cairo_surface_finish) cairo_surface_finish = nullptr;
    decltype(&::cairo_surface_status) cairo_surface_status = nullptr;
    decltype(&::cairo_svg_surface_create_for_stream) cairo_svg_surface_create_for_stream = nullptr;
    decltype(&::cairo_svg_surface_set_document_unit) cairo_svg_surface_set_document_unit = nullptr;
    decltype(&::pango_font_description_free) pango_font_description_free = nullptr;
    decltype(&::pango_font_description_from_string) pango_font_description_from_string = nullptr;
    decltype(&::pango_font_description_set_absolute_size) pango_font_description_set_absolute_size =
        nullptr;
    decltype(&::pango_font_description_set_weight) pango_font_description_set_weight = nullptr;
    decltype(&::pango_layout_get_line_count) pango_layout_get_line_count = nullptr;
    decltype(&::pango_layout_get_pixel_size) pango_layout_get_pixel_size = nullptr;
    decltype(&::pango_layout_set_alignment) pango_layout_set_alignment = nullptr;
    decltype(&::pango_layout_set_font_description) pango_layout_set_font_description = nullptr;
    decltype(&::pango_layout_set_text) pango_layout_set_text = nullptr;
    decltype(&::pango_layout_set_width) pango_layout_set_width = nullptr;
    decltype(&::pango_layout_set_wrap) pango_layout_set_wrap = nullptr;
    decltype(&::pango_cairo_create_layout) pango_cairo_create_layout = nullptr;
    decltype(&::pango_cairo_show_layout) pango_cairo_show_layout = nullptr;
    decltype(&::g_object_unref) g_object_unref = nullptr;
};

// The process's cairo and pango, opened on the first call (thread-safe) and kept open. Throws
// std::runtime_error naming the library when one cannot be opened or lacks a function.
const PdfLibraries& pdf();

} // namespace repere::report::detail
