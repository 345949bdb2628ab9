// The strings table: every word a beneficiary or trainer sees, per locale, by key.
// French is complete (it is the reference); other locales may miss keys and fall back to French.
// Screen code never holds visible literals: it asks for a key.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace repere::i18n {

// Locales with a UI strings table, French first.
const std::vector<std::string>& uiLocales();

// Text for `key` in `locale`, else French, else the key itself (a missing key is visible and
// logged once rather than an empty button).
const std::string& text(std::string_view key, std::string_view locale);

// True when `locale` has its own text for `key` (no fallback).
bool has(std::string_view key, std::string_view locale);

// Every key of the table (tests check French is complete and placeholders match).
std::vector<std::string> keys();

// Replaces {name} placeholders: format("Question {n}", {{"n", "3"}}).
std::string format(std::string_view pattern,
                   std::initializer_list<std::pair<std::string_view, std::string>> values);

// A number as French writes it, shortest form and a decimal comma: 2, 1,5, 0,25 (points, seconds).
std::string frenchNumber(double v);

} // namespace repere::i18n
