// The phishing_message sim: an SMS (phone messages app) or an e-mail to judge. The person can
// open the link, report the message as unwanted, or delete it. What is right depends on the
// message, so scoring is the item's endStates map.
//
// simConfig, every field optional:
//   "channel":       "sms" | "email"                  (default "sms")
//   "sender":        "AMELI-INFO"                      name shown as sender
//   "senderAddress": "+33 7 56 12 34 56" / "service@ameli-rembourse.info"
//   "subject":       "Votre remboursement"             e-mail only
//   "text":          "Vous avez droit à un remboursement de 48,50 €. Cliquez :"
//   "link":          "http://ameli-rembourse.info/dossier"
//   "time":          "10:42"
//   "linkPage":      {"title": "...", "text": "..."}  what the link opens (shown before the end)
// End states: opened_link, reported, deleted.
#pragma once

#include "ui/sim/sim_trace.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace repere::ui::sim {

class PhishingModel {
public:
    enum class Screen { Message, ConfirmReport, ConfirmDelete, LinkOpened, Reported, Deleted };

    explicit PhishingModel(const nlohmann::json& config);

    void openLink();
    void askReport(); // "Signaler" -> a confirmation, as phones do
    void askDelete(); // "Supprimer" -> a confirmation
    void confirm();
    void cancel();

    Screen screen() const { return screen_; }
    bool isEmail() const { return email_; }
    const std::string& sender() const { return sender_; }
    const std::string& senderAddress() const { return senderAddress_; }
    const std::string& subject() const { return subject_; }
    const std::string& text() const { return text_; }
    const std::string& link() const { return link_; }
    const std::string& time() const { return time_; }
    const std::string& linkPageTitle() const { return linkPageTitle_; }
    const std::string& linkPageText() const { return linkPageText_; }

    const SimTrace& trace() const { return trace_; }
    bool finished() const { return trace_.finished(); }
    nlohmann::json answer() const { return trace_.answer(); }

private:
    Screen screen_ = Screen::Message;
    bool email_ = false;
    std::string sender_, senderAddress_, subject_, text_, link_, time_, linkPageTitle_,
        linkPageText_;
    SimTrace trace_;
};

} // namespace repere::ui::sim
