// The online_form sim: a fictitious public-service site ("Mon Espace Démarches") where the person
// creates an account from a card of fictitious details shown beside the form. Nothing real is
// ever asked: the card says whose details these are.
//
// simConfig, every field optional:
//   "site":     "Mon Espace Démarches"            name in the site's header
//   "url":      "mon-espace-demarches.exemple.fr" shown in the address strip
//   "persona":  [{"label": "Nom", "value": "KONATÉ"}, ...]   the card of details to copy
//   "fields":   [{"id", "label", "kind": text|number|date|email|phone|postcode, "accept": [...],
//                 "required": true}]             the form (accept: values counted as right)
//   "consent":  "J'accepte les conditions d'utilisation"  a box that must be ticked (absent: none)
// End states: submitted_correct (every field with `accept` matches), submitted_wrong_data
// (the site accepted the form but some detail differs from the card).
#pragma once

#include "quiz/model.hpp"
#include "ui/items/form_model.hpp"
#include "ui/sim/sim_trace.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace repere::ui::sim {

struct PersonaLine {
    std::string label, value;
};

// Why the site refuses a field, as a real site would say it (texts in the strings table).
enum class FieldError { None, Required, Email, Postcode, Date, Phone, Number };

// Format check of one value, the way the fictitious site checks it before accepting the form.
FieldError checkField(const quiz::FormField& field, const std::string& value);

class OnlineFormModel {
public:
    enum class Screen { Home, Form, Done };

    explicit OnlineFormModel(const nlohmann::json& config);

    void startSignUp(); // Home: "Créer mon compte"
    items::FormModel& form() { return form_; }
    const items::FormModel& form() const { return form_; }
    void toggleConsent();
    void submit();

    Screen screen() const { return screen_; }
    const std::string& site() const { return site_; }
    const std::string& url() const { return url_; }
    const std::vector<PersonaLine>& persona() const { return persona_; }
    const std::string& consentLabel() const { return consentLabel_; }
    bool consentTicked() const { return consent_; }
    // Errors from the last refused submit (cleared field by field as the person retypes).
    FieldError errorOf(const std::string& fieldId) const;
    bool consentMissing() const { return consentMissing_; }
    bool hasErrors() const;

    const SimTrace& trace() const { return trace_; }
    bool finished() const { return trace_.finished(); }
    nlohmann::json answer() const;

private:
    Screen screen_ = Screen::Home;
    std::string site_, url_, consentLabel_;
    std::vector<PersonaLine> persona_;
    items::FormModel form_;
    bool consent_ = false;
    bool consentMissing_ = false;
    std::vector<std::pair<std::string, FieldError>> errors_;
    std::vector<std::string> errorValues_; // value each error was raised on, to clear it on edit
    SimTrace trace_;
};

} // namespace repere::ui::sim
