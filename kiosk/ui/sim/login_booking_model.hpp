// The login_booking sim: booking an appointment on a fictitious public-service site that asks the
// person to log in first through a shared log-in button, FranceConnect-like but with no real
// name or brand. The person taps "Prendre rendez-vous", chooses the account they have among the
// identity providers, types the code given in the instruction (read aloud; never their own),
// picks the time asked for, then confirms. Nothing real is ever asked or sent.
//
// simConfig:
//   "site":      "Mairie de Ville-Exemple"          the site's header
//   "url":       "rdv.mairie-ville.example"          address strip of the site
//   "service":   "Demande de carte d'identité"      what is booked
//   "connect":   "ConnexionPublique"                 name of the shared log-in button
//   "providers": [{"id": "sante", "name": "Santé-Exemple", "url": "connexion.sante.example"}, ...]
//                the accounts one can log in with (required, at least 2)
//   "account":   "sante"     the provider the person has an account with (required)
//   "user":      "n.rossi@mail.example"   the identifier the provider's page shows, already filled
//   "code":      "2580"      the secret code to type, 4 to 6 digits (required)
//   "day":       "mardi 12 mai"                      the day of the free times
//   "slots":     ["9 h 00", "10 h 30", "14 h 00"]   free times (required)
//   "target":    "14 h 00"   the time asked for in the instruction (required, one of slots)
// Screens: Home -> Connect (choose a provider) -> Login (code keypad) -> Slots -> Confirm -> Done.
// A code typed on another provider's page, or a wrong code, is refused ("Code incorrect") and the
// dots empty; "Retour" goes back to the providers. End states: booked_right_slot,
// booked_wrong_slot. The steps keep every provider tried and every refused code.
#pragma once

#include "ui/sim/sim_trace.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace repere::ui::sim {

struct IdentityProvider {
    std::string id, name, url;
};

class LoginBookingModel {
public:
    enum class Screen { Home, Connect, Login, Slots, Confirm, Done };

    explicit LoginBookingModel(const nlohmann::json& config);

    void start();                       // Home: "Prendre rendez-vous"
    void chooseProvider(std::size_t i); // Connect: one provider's tile
    void digit(int d);                  // Login: checked when the code is complete
    void erase();                       // Login: ⌫
    void back();                        // Login -> Connect, Confirm -> Slots
    void pickSlot(std::size_t i);       // Slots
    void next();                        // Slots -> Confirm (refused without a time)
    void confirm();                     // Confirm: "Confirmer le rendez-vous"

    bool valid() const;
    Screen screen() const { return screen_; }
    const std::string& site() const { return site_; }
    const std::string& service() const { return service_; }
    const std::string& connectName() const { return connect_; }
    const std::string& day() const { return day_; }
    const std::string& user() const { return user_; }
    // The address shown: the provider's page while logging in, else the site's.
    std::string url() const;
    const std::vector<IdentityProvider>& providers() const { return providers_; }
    const IdentityProvider* provider() const; // the one whose page is open (Login)
    const std::vector<std::string>& slots() const { return slots_; }
    std::optional<std::size_t> pickedSlot() const { return picked_; }
    std::size_t codeLength() const { return code_.size(); }
    std::size_t typed() const { return typed_.size(); }
    bool showWrongCode() const { return wrongCode_; }
    bool missingSlot() const { return missingSlot_; }

    const SimTrace& trace() const { return trace_; }
    bool finished() const { return trace_.finished(); }
    // {"state": ..., "steps": [...], "slot": "14 h 00"} (slot once one was confirmed)
    nlohmann::json answer() const;

private:
    Screen screen_ = Screen::Home;
    std::string site_, url_, service_, connect_, account_, user_, code_, day_, target_, typed_;
    std::vector<IdentityProvider> providers_;
    std::vector<std::string> slots_;
    std::optional<std::size_t> open_, picked_;
    bool wrongCode_ = false, missingSlot_ = false;
    SimTrace trace_;
};

} // namespace repere::ui::sim
