// The email_attachment sim: a plain webmail ("Messagerie") where the person writes to a given
// address and attaches a given file, then sends.
//
// simConfig ("sim" in quiz.json), every field optional:
//   "mailbox":     "awa.diallo@exemple.fr"           the person's fictitious address (shown as
//   sender) "inbox":       [{"from", "subject", "preview", "time"}]   messages shown in the inbox
//   "to":          "accueil@agence-exemple.fr"        the address the message must go to
//   "toPrefilled": true                               recipient already written (default false:
//   type it) "subject":     "Mon CV"                           subject, already written "body":
//   "Bonjour, voici mon CV. …"        text, already written "files":       ["CV_Awa_Diallo.pdf",
//   "Photo.jpg"] files offered by "Joindre un fichier" "attachment":  "CV_Awa_Diallo.pdf" the file
//   that must be attached
// End states: sent_with_attachment, sent_wrong_attachment, sent_without_attachment,
//             sent_wrong_recipient (recipient not the expected one, whatever is attached).
#pragma once

#include "ui/items/text_buffer.hpp"
#include "ui/sim/sim_trace.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace repere::ui::sim {

struct InboxMessage {
    std::string from, subject, preview, time;
};

class EmailModel {
public:
    enum class Screen { Inbox, Compose, FilePicker, Sent };
    enum class SendError { None, NoRecipient, BadAddress };

    explicit EmailModel(const nlohmann::json& config);

    // Inbox
    void openCompose();
    // Compose
    void tapRecipient(); // focuses the "À" field (keyboard shows)
    bool type(std::string_view utf8);
    bool backspace();
    void openFilePicker();
    void removeAttachment(const std::string& name);
    void send();
    void discard(); // back to the inbox, the draft is dropped
    // FilePicker
    void pickFile(const std::string& name);
    void closeFilePicker();

    Screen screen() const { return screen_; }
    bool recipientFocused() const { return recipientFocused_; }
    std::string recipient() const { return recipient_.text(); }
    const std::vector<std::string>& attachments() const { return attached_; }
    const std::vector<std::string>& files() const { return files_; }
    const std::vector<InboxMessage>& inbox() const { return inbox_; }
    const std::string& mailbox() const { return mailbox_; }
    const std::string& subject() const { return subject_; }
    const std::string& body() const { return body_; }
    bool recipientPrefilled() const { return toPrefilled_; }
    SendError sendError() const { return error_; }

    const SimTrace& trace() const { return trace_; }
    bool finished() const { return trace_.finished(); }
    nlohmann::json answer() const { return trace_.answer(); }

private:
    Screen screen_ = Screen::Inbox;
    std::string mailbox_, expectedTo_, subject_, body_, expectedFile_;
    bool toPrefilled_ = false;
    std::vector<std::string> files_;
    std::vector<InboxMessage> inbox_;
    items::TextBuffer recipient_{80};
    bool recipientFocused_ = false;
    std::vector<std::string> attached_;
    SendError error_ = SendError::None;
    SimTrace trace_;
};

} // namespace repere::ui::sim
