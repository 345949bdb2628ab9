// The date_picker sim: booking an appointment on a fictitious site. The person taps the date
// field, a calendar opens on the current month; they move to the right month with the arrows,
// tap the day, "OK", then "Confirmer le rendez-vous". Days before today and closed week days are
// greyed and cannot be chosen, as on real booking sites.
//
// simConfig:
//   "site":    "Centre de santé des Lilas"   name in the site's header
//   "url":     "rdv.centre-lilas.example"     address strip
//   "service": "Consultation de médecine générale"   what is booked
//   "today":   "2026-04-20"   the calendar opens on this month; earlier days are greyed (required)
//   "target":  "2026-05-14"   the day asked for in the instruction (required)
//   "closed":  [6, 7]         closed week days, 1 = Monday ... 7 = Sunday (default: Sunday)
// End states: booked_right_date, booked_wrong_date.
#pragma once

#include "ui/sim/sim_trace.hpp"

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace repere::ui::sim {

// "2026-05-14" -> a valid date, else nothing.
std::optional<std::chrono::year_month_day> parseIsoDate(const std::string& text);
// "jeudi 14 mai 2026"
std::string frenchLongDate(const std::chrono::year_month_day& d);
// "mai 2026"
std::string frenchMonthYear(const std::chrono::year_month& m);

class DatePickerModel {
public:
    enum class Screen { Form, Calendar, Done };

    explicit DatePickerModel(const nlohmann::json& config);

    void openCalendar(); // tap on the date field
    void nextMonth();
    void previousMonth(); // not before today's month
    void pickDay(unsigned day);
    void ok();      // keeps the picked day in the field
    void cancel();  // closes the calendar, field unchanged
    void confirm(); // "Confirmer le rendez-vous": refused without a date

    Screen screen() const { return screen_; }
    bool valid() const { return today_.ok() && target_.ok(); }
    const std::string& site() const { return site_; }
    const std::string& url() const { return url_; }
    const std::string& service() const { return service_; }
    std::chrono::year_month shownMonth() const { return shown_; }
    bool canGoBack() const;
    // 1..7 (Monday first) of the shown month's first day, and its number of days.
    unsigned firstWeekday() const;
    unsigned daysInShownMonth() const;
    bool selectable(unsigned day) const;            // in the shown month
    std::optional<unsigned> pickedDayShown() const; // the day picked in the calendar, if shown
    const std::optional<std::chrono::year_month_day>& chosen() const { return chosen_; }
    bool missingDate() const { return missingDate_; }

    const SimTrace& trace() const { return trace_; }
    bool finished() const { return trace_.finished(); }
    nlohmann::json answer() const;

private:
    Screen screen_ = Screen::Form;
    std::string site_, url_, service_;
    std::chrono::year_month_day today_{}, target_{};
    std::chrono::year_month shown_{};
    std::vector<unsigned> closed_; // ISO week days
    std::optional<std::chrono::year_month_day> picked_, chosen_;
    bool missingDate_ = false;
    SimTrace trace_;
};

} // namespace repere::ui::sim
