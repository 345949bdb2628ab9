#include "report_pdf/bilan_pdf.hpp"

#include "i18n/strings.hpp"
#include "report_pdf/pango_text.hpp"
#include "report_pdf/pdf_libraries.hpp"
#include "store/beneficiary_code.hpp"
#include "util/private_files.hpp"

#include <algorithm>
#include <cairo-pdf.h>
#include <cstdio>
#include <memory>
#include <pango/pangocairo.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace repere::report {

namespace {

using detail::layoutOf;
using detail::measure;
using detail::pdf;
using detail::text;
using detail::textWidth;

// A4 in PostScript points.
constexpr double kPageW = 595.28;
constexpr double kPageH = 841.89;
constexpr double kMargin = 42.0;

struct Pdf {
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    ~Pdf() {
        if (cr)
            pdf().cairo_destroy(cr);
        if (surface)
            pdf().cairo_surface_destroy(surface);
    }
};

// The can-do line of a skill: full width under its name and level, at this size.
constexpr double kCanDoSize = 10.0;
constexpr double kContentW = kPageW - 2 * kMargin;

void line(cairo_t* cr, double x0, double y0, double x1, double y1, double width = 0.8) {
    pdf().cairo_set_source_rgb(cr, 0, 0, 0);
    pdf().cairo_set_line_width(cr, width);
    pdf().cairo_move_to(cr, x0, y0);
    pdf().cairo_line_to(cr, x1, y1);
    pdf().cairo_stroke(cr);
}

// The bilan is in French (the counsellor's language); words from the strings table.
const std::string& tr(std::string_view key) {
    return i18n::text(key, "fr");
}
std::string fmt(std::string_view key,
                std::initializer_list<std::pair<std::string_view, std::string>> values) {
    return i18n::format(tr(key), values);
}

// "Pré-A1 (pas encore lecteur)" -> "Pré-A1": step labels must fit under a narrow step.
std::string shortTitle(const std::string& title) {
    const auto paren = title.find(" (");
    return paren == std::string::npos ? title : title.substr(0, paren);
}

// A downward triangle whose tip is at (cx, tipY): filled for today's step, outlined for the step
// of the earlier sitting.
void marker(cairo_t* cr, double cx, double tipY, bool filled) {
    pdf().cairo_move_to(cr, cx - 5, tipY - 8);
    pdf().cairo_line_to(cr, cx + 5, tipY - 8);
    pdf().cairo_line_to(cr, cx, tipY);
    pdf().cairo_close_path(cr);
    pdf().cairo_set_source_rgb(cr, 0, 0, 0);
    pdf().cairo_set_line_width(cr, 1.0);
    if (filled)
        pdf().cairo_fill(cr);
    else
        pdf().cairo_stroke(cr);
}

// The staircase: one step per level, lowest on the left; the person's step filled black with a
// marker above it (and an outlined marker above the step of an earlier sitting). Level names are
// written under every step (never colour alone).
void staircase(cairo_t* cr, const SkillLine& skill, std::optional<std::size_t> earlier, double x,
               double y, double w, double h) {
    const std::size_t n = skill.levelTitles.size();
    if (n == 0)
        return;
    const double labelH = 14.0;
    const double stepW = w / static_cast<double>(n);
    const double rise = (h - labelH - 14.0) / static_cast<double>(n);
    const double base = y + h - labelH;
    for (std::size_t i = 0; i < n; ++i) {
        const double sx = x + stepW * static_cast<double>(i);
        const double sh = rise * static_cast<double>(i + 1);
        const bool mine = skill.level && *skill.level == i;
        const bool below = skill.level && i < *skill.level;
        pdf().cairo_rectangle(cr, sx + 1, base - sh, stepW - 2, sh);
        const double fill = mine ? 0.0 : below ? 0.72 : 1.0;
        pdf().cairo_set_source_rgb(cr, fill, fill, fill);
        pdf().cairo_fill_preserve(cr);
        pdf().cairo_set_source_rgb(cr, 0, 0, 0);
        pdf().cairo_set_line_width(cr, 0.8);
        pdf().cairo_stroke(cr);
        // One line under its step, in a smaller type if need be ("Premiers pas" in bold): a
        // wrapped word would run into the can-do line below.
        const std::string label = shortTitle(skill.levelTitles[i]);
        double size = 8.0;
        while (size > 5.5 && textWidth(cr, label, size, mine) > stepW - 2)
            size -= 0.5;
        text(cr, label, sx, base + 2, stepW, size, mine, PANGO_ALIGN_CENTER);
        // Above the step: the "you are here" mark; the earlier sitting's beside it when both
        // are on one step.
        const bool then = earlier && *earlier == i;
        const double cx = sx + stepW / 2, top = base - sh - 3;
        if (mine)
            marker(cr, then ? cx + 6 : cx, top, true);
        if (then)
            marker(cr, mine ? cx - 6 : cx, top, false);
    }
}

// One skill: its name, level and pending answers on the left, the staircase on the right, the
// can-do line full width under both. Returns the y after the block.
double skillBlock(cairo_t* cr, const SkillLine& s, const EarlierSitting* previous, double y,
                  double blockH, double wordsW, double stairsW) {
    const double contentW = kContentW;
    const double top = y;
    double wy = top;
    wy += text(cr, s.title, kMargin, wy, wordsW, 13, true);
    std::string level = fmt("bilan.level", {{"level", s.levelTitle}});
    if (s.skipped)
        level += tr("bilan.skipped");
    wy += text(cr, level, kMargin, wy + 1, wordsW, 11, true) + 2;
    // Two sittings compared: the level then, under the level now.
    const EarlierLevel* then = previous ? previous->of(s.skillId) : nullptr;
    if (previous) {
        const std::string was = then ? then->levelTitle : tr("bilan.previous_none");
        wy += text(cr,
                   fmt("bilan.previous_level",
                       {{"date", formatDate(previous->dateMs)}, {"level", was}}),
                   kMargin, wy + 1, wordsW, 10, false, PANGO_ALIGN_LEFT, 0.2) +
              2;
    }
    if (s.pendingManual > 0) {
        wy += text(cr, fmt("bilan.skill_pending", {{"n", std::to_string(s.pendingManual)}}),
                   kMargin, wy + 2, wordsW, 9, false, PANGO_ALIGN_LEFT, 0.25) +
              2;
    }
    // What the person can do in this skill: one full-width line under the name and the
    // staircase (an older package's long per-level text wraps, and the block grows).
    const double canDoH = s.canDo.empty() ? 0.0 : measure(cr, s.canDo, contentW, kCanDoSize);
    const double stairsH = std::max(wy - top, blockH - 10 - (canDoH > 0 ? canDoH + 4 : 0));
    staircase(cr, s, then ? then->level : std::nullopt, kMargin + contentW - stairsW, top + 2,
              stairsW, stairsH);
    double bottom = std::max(wy, top + 2 + stairsH + 2);
    if (canDoH > 0)
        bottom += text(cr, s.canDo, kMargin, bottom, contentW, kCanDoSize) + 2;
    y = std::max(top + blockH, bottom + 6);
    line(cr, kMargin, y - 4, kMargin + contentW, y - 4, 0.3);
    return y;
}

void draw(cairo_t* cr, const Bilan& b) {
    const double contentW = kContentW;
    double y = kMargin;

    y += text(cr, tr("bilan.title"), kMargin, y, contentW * 0.65, 22, true);
    text(cr, formatDate(b.dateMs), kMargin + contentW * 0.65, kMargin + 4, contentW * 0.35, 12,
         false, PANGO_ALIGN_RIGHT);
    y += 2;
    y += text(cr, fmt("bilan.quiz", {{"title", b.quizTitle}, {"version", b.quizVersion}}), kMargin,
              y, contentW, 12);
    if (b.previous)
        y += 2 + text(cr,
                      fmt("bilan.compared", {{"before", formatDate(b.previous->dateMs)},
                                             {"now", formatDate(b.dateMs)}}),
                      kMargin, y + 2, contentW, 10, true);
    if (b.uncompared)
        y += 2 + text(cr,
                      fmt(b.uncompared->packageMissing ? "bilan.uncompared_missing"
                                                       : "bilan.uncompared_unreadable",
                          {{"date", formatDate(b.uncompared->dateMs)}}),
                      kMargin, y + 2, contentW, 10, true);
    y += 8;
    line(cr, kMargin, y, kMargin + contentW, y, 1.2);
    y += 8;

    // Who and where.
    std::string who =
        fmt("bilan.code", {{"code", store::formatBeneficiaryCode(b.code)}}); // as on the paper
    if (b.firstName && !b.firstName->empty())
        who += "    " + fmt("bilan.first_name", {{"name", *b.firstName}});
    const double colW = contentW / 2;
    const double whoH = text(cr, who, kMargin, y, colW, 12, true);
    std::string staff =
        fmt("bilan.trainer", {{"name", b.trainer.empty() ? std::string("—") : b.trainer}});
    staff += "\n" + fmt("bilan.agency", {{"name", b.agency.empty() ? std::string("—") : b.agency}});
    const double staffH = text(cr, staff, kMargin + colW, y, colW, 10);
    y += std::max(whoH, staffH) + 10;

    // What follows the skills (the trainer's scores with their criteria, what is left to score,
    // the next step), laid out first so the skill blocks leave it room: a person scored on many
    // rubric criteria must not find the next step printed over the footer.
    struct TailLine {
        std::string text;
        double indent = 0.0;
        double size = 10.0;
        bool bold = false;
        double after = 0.0; // space below it
    };
    std::vector<TailLine> tail;
    if (!b.manualScores.empty()) {
        tail.push_back({tr("bilan.scored"), 0.0, 11, true, 0.0});
        for (const auto& m : b.manualScores) {
            const std::string kind = tr(m.itemType == "speak"   ? "trainer.type.speak"
                                        : m.itemType == "write" ? "trainer.type.write"
                                                                : "bilan.kind.other");
            tail.push_back({fmt("bilan.scored_line", {{"kind", kind},
                                                      {"item", m.itemId},
                                                      {"score", i18n::frenchNumber(m.score)},
                                                      {"max", i18n::frenchNumber(m.maxScore)},
                                                      {"trainer", m.trainer},
                                                      {"date", formatDate(m.atMs)}}),
                            8.0, 9.5, false, 0.0});
            // The rubric criteria the trainer scored, as the back office's page lists them.
            std::string criteria;
            for (const auto& c : m.criteria)
                criteria += (criteria.empty() ? "" : " · ") +
                            fmt("bilan.criterion", {{"label", c.label},
                                                    {"points", i18n::frenchNumber(c.points)},
                                                    {"max", i18n::frenchNumber(c.maxPoints)}});
            if (!criteria.empty())
                tail.push_back({criteria, 16.0, 8.5, false, 0.0});
        }
        tail.back().after = 4;
    }
    if (b.pendingManual > 0)
        tail.push_back(
            {fmt("bilan.pending", {{"n", std::to_string(b.pendingManual)}}), 0.0, 10, true, 4.0});
    tail.push_back(
        {fmt("bilan.next_step", {{"step", b.nextStep ? *b.nextStep : tr("bilan.next_step.none")}}),
         0.0, 12, true, 0.0});
    double tailH = 0.0;
    for (const auto& t : tail)
        tailH += measure(cr, t.text, contentW - t.indent, t.size) + t.after;

    const double footY = kPageH - kMargin - 12;
    auto footer = [&] {
        line(cr, kMargin, footY - 4, kMargin + contentW, footY - 4, 0.3);
        text(cr,
             fmt("bilan.footer",
                 {{"quiz", b.quizId}, {"version", b.quizVersion}, {"attempt", b.attemptUuid}}),
             kMargin, footY, contentW, 7.5, false, PANGO_ALIGN_LEFT, 0.3);
    };

    // One block per skill under its group's heading (the presenter's groups, as on the kiosk's
    // result screen): words on the left, staircase on the right.
    const double stairsW = 200.0;
    const double wordsW = contentW - stairsW - 16;
    const double headingH = 24.0;
    std::size_t headings = 0;
    for (std::size_t i = 0; i < b.skills.size(); ++i)
        headings += i == 0 || b.skills[i].group != b.skills[i - 1].group;
    const std::size_t count = b.skills.size();
    // The footer and some slack (a block grows past its share when its words need it); never
    // less than the 150 points the one-page bilan always kept.
    const double reserved =
        std::max(150.0, tailH + 60.0) + headingH * static_cast<double>(headings);
    const double blockH =
        count ? std::min(128.0, (kPageH - y - kMargin - reserved) / static_cast<double>(count)) : 0;
    for (std::size_t i = 0; i < b.skills.size(); ++i) {
        const auto& s = b.skills[i];
        if (i == 0 || s.group != b.skills[i - 1].group)
            y += text(cr, i18n::text(groupHeadingKey(s.group), "fr"), kMargin, y, contentW, 14,
                      true) +
                 6;
        y = skillBlock(cr, s, b.previous ? &*b.previous : nullptr, y, blockH, wordsW, stairsW);
    }
    y += 4;

    // Should the blocks still not have left room (many skills, long can-do lines), the rest goes
    // on a second page rather than over the footer.
    for (const auto& t : tail) {
        const double h = measure(cr, t.text, contentW - t.indent, t.size);
        if (y + h > footY - 8) {
            footer();
            pdf().cairo_show_page(cr);
            y = kMargin;
        }
        y += text(cr, t.text, kMargin + t.indent, y, contentW - t.indent, t.size, t.bold) + t.after;
    }
    footer();
}

} // namespace

int canDoLineCount(const std::string& s) {
    // A PDF surface without output: the same font metrics as the printed bilan.
    cairo_surface_t* surface = pdf().cairo_pdf_surface_create(nullptr, kPageW, kPageH);
    cairo_t* cr = pdf().cairo_create(surface);
    PangoLayout* layout = layoutOf(cr, s, kContentW, kCanDoSize, false, PANGO_ALIGN_LEFT);
    const int lines = pdf().pango_layout_get_line_count(layout);
    pdf().g_object_unref(layout);
    pdf().cairo_destroy(cr);
    pdf().cairo_surface_destroy(surface);
    return lines;
}

void writeBilanPdf(const Bilan& bilan, const std::filesystem::path& out) {
    const std::filesystem::path partial = out.string() + ".partial";
    pdf(); // cairo and pango open (or say why not) before a file is made
    {
        Pdf doc;
        // A bilan is a person's results: 0600 whatever the umask (cairo's fopen keeps the mode
        // of the file made here).
        util::ensurePrivateFile(partial);
        doc.surface = pdf().cairo_pdf_surface_create(partial.c_str(), kPageW, kPageH);
        if (pdf().cairo_surface_status(doc.surface) != CAIRO_STATUS_SUCCESS) {
            throw std::runtime_error(
                "cannot write " + partial.string() + ": " +
                pdf().cairo_status_to_string(pdf().cairo_surface_status(doc.surface)));
        }
        pdf().cairo_pdf_surface_set_metadata(doc.surface, CAIRO_PDF_METADATA_TITLE,
                                             ("Bilan " + bilan.code).c_str());
        pdf().cairo_pdf_surface_set_metadata(doc.surface, CAIRO_PDF_METADATA_CREATOR, "Repère");
        doc.cr = pdf().cairo_create(doc.surface);
        draw(doc.cr, bilan);
        pdf().cairo_show_page(doc.cr);
        pdf().cairo_surface_finish(doc.surface);
        const auto status = pdf().cairo_surface_status(doc.surface);
        if (status != CAIRO_STATUS_SUCCESS) {
            std::error_code ec;
            std::filesystem::remove(partial, ec);
            throw std::runtime_error("writing " + out.string() +
                                     " failed: " + pdf().cairo_status_to_string(status));
        }
    }
    std::filesystem::rename(partial, out);
}

} // namespace repere::report
