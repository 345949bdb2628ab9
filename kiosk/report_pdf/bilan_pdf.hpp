// The bilan printed: one A4 page, black and white, levels drawn as a staircase with the person's
// step marked and named in words. Made with cairo + pango.
#pragma once

#include "report/bilan.hpp"

#include <filesystem>

namespace repere::report {

// Writes the PDF next to `out` and renames it into place (a failure never leaves half a file
// under the name). Throws std::runtime_error with the reason.
void writeBilanPdf(const Bilan& bilan, const std::filesystem::path& out);

// How many lines a skill's can-do text takes on the bilan, at the size and width it is printed
// (the loader limits those texts to quiz::kCanDoMaxChars so that they take one).
int canDoLineCount(const std::string& text);

} // namespace repere::report
