#include "ui/sim/date_picker_model.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace repere::ui::sim {

using namespace std::chrono;

namespace {

constexpr std::array<const char*, 12> kMonths{"janvier",   "février", "mars",     "avril",
                                              "mai",       "juin",    "juillet",  "août",
                                              "septembre", "octobre", "novembre", "décembre"};
// ISO order: Monday first.
constexpr std::array<const char*, 7> kDays{"lundi",    "mardi",  "mercredi", "jeudi",
                                           "vendredi", "samedi", "dimanche"};

std::string iso(const year_month_day& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

} // namespace

std::optional<year_month_day> parseIsoDate(const std::string& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        return std::nullopt;
    const year_month_day out{year{y}, month{m}, day{d}};
    if (!out.ok() || y < 2000 || y > 2100)
        return std::nullopt;
    return out;
}

std::string frenchLongDate(const year_month_day& d) {
    const unsigned wd = weekday{sys_days{d}}.iso_encoding();
    return std::string(kDays[wd - 1]) + " " + std::to_string(static_cast<unsigned>(d.day())) + " " +
           kMonths[static_cast<unsigned>(d.month()) - 1] + " " +
           std::to_string(static_cast<int>(d.year()));
}

std::string frenchMonthYear(const year_month& m) {
    return std::string(kMonths[static_cast<unsigned>(m.month()) - 1]) + " " +
           std::to_string(static_cast<int>(m.year()));
}

DatePickerModel::DatePickerModel(const nlohmann::json& config)
    : site_(configString(config, "site")), url_(configString(config, "url")),
      service_(configString(config, "service")) {
    if (auto t = parseIsoDate(configString(config, "today")))
        today_ = *t;
    if (auto t = parseIsoDate(configString(config, "target")))
        target_ = *t;
    if (valid() && sys_days{target_} < sys_days{today_})
        target_ = year_month_day{}; // a day in the past can never be booked
    shown_ = today_.year() / today_.month();
    closed_ = {7};
    if (config.is_object() && config.contains("closed") && config["closed"].is_array()) {
        closed_.clear();
        for (const auto& d : config["closed"])
            if (d.is_number_integer() && d.get<int>() >= 1 && d.get<int>() <= 7)
                closed_.push_back(static_cast<unsigned>(d.get<int>()));
    }
}

void DatePickerModel::openCalendar() {
    if (screen_ != Screen::Form || finished() || !valid())
        return;
    screen_ = Screen::Calendar;
    picked_ = chosen_;
    shown_ = chosen_ ? chosen_->year() / chosen_->month() : today_.year() / today_.month();
    trace_.step("open_calendar");
}

bool DatePickerModel::canGoBack() const {
    return shown_ > today_.year() / today_.month();
}

void DatePickerModel::nextMonth() {
    // A booking site opens a few months ahead, not for ever.
    if (screen_ == Screen::Calendar && shown_ < today_.year() / today_.month() + months{6}) {
        shown_ += months{1};
        trace_.step("next_month");
    }
}

void DatePickerModel::previousMonth() {
    if (screen_ == Screen::Calendar && canGoBack()) {
        shown_ -= months{1};
        trace_.step("previous_month");
    }
}

unsigned DatePickerModel::firstWeekday() const {
    return weekday{sys_days{shown_ / 1}}.iso_encoding();
}

unsigned DatePickerModel::daysInShownMonth() const {
    return static_cast<unsigned>(year_month_day_last{shown_ / last}.day());
}

bool DatePickerModel::selectable(unsigned d) const {
    const year_month_day date = shown_ / day{d};
    if (!date.ok() || sys_days{date} < sys_days{today_})
        return false;
    const unsigned wd = weekday{sys_days{date}}.iso_encoding();
    return std::find(closed_.begin(), closed_.end(), wd) == closed_.end();
}

std::optional<unsigned> DatePickerModel::pickedDayShown() const {
    if (picked_ && picked_->year() / picked_->month() == shown_)
        return static_cast<unsigned>(picked_->day());
    return std::nullopt;
}

void DatePickerModel::pickDay(unsigned d) {
    if (screen_ != Screen::Calendar || !selectable(d))
        return;
    picked_ = shown_ / day{d};
    trace_.step("pick:" + iso(*picked_));
}

void DatePickerModel::ok() {
    if (screen_ != Screen::Calendar)
        return;
    if (picked_) {
        chosen_ = picked_;
        missingDate_ = false;
    }
    screen_ = Screen::Form;
    trace_.step("ok");
}

void DatePickerModel::cancel() {
    if (screen_ == Screen::Calendar) {
        screen_ = Screen::Form;
        trace_.step("cancel");
    }
}

void DatePickerModel::confirm() {
    if (screen_ != Screen::Form || finished())
        return;
    if (!chosen_) {
        missingDate_ = true;
        trace_.step("confirm_refused");
        return;
    }
    screen_ = Screen::Done;
    trace_.step("confirm");
    trace_.finish(*chosen_ == target_ ? "booked_right_date" : "booked_wrong_date");
}

nlohmann::json DatePickerModel::answer() const {
    auto a = trace_.answer();
    if (chosen_)
        a["date"] = iso(*chosen_);
    return a;
}

} // namespace repere::ui::sim
