#include "ui/sim/email_model.hpp"

#include <algorithm>

namespace repere::ui::sim {

EmailModel::EmailModel(const nlohmann::json& config)
    : mailbox_(configString(config, "mailbox")), expectedTo_(configString(config, "to")),
      subject_(configString(config, "subject")), body_(configString(config, "body")),
      expectedFile_(configString(config, "attachment")),
      toPrefilled_(configBool(config, "toPrefilled", false)),
      files_(configStrings(config, "files")) {
    if (config.is_object() && config.contains("inbox") && config["inbox"].is_array()) {
        for (const auto& m : config["inbox"]) {
            inbox_.push_back({configString(m, "from"), configString(m, "subject"),
                              configString(m, "preview"), configString(m, "time")});
        }
    }
}

void EmailModel::openCompose() {
    if (finished() || screen_ != Screen::Inbox) {
        return;
    }
    screen_ = Screen::Compose;
    recipient_.clear();
    if (toPrefilled_) {
        recipient_.insert(expectedTo_);
    }
    attached_.clear();
    error_ = SendError::None;
    recipientFocused_ = !toPrefilled_;
    trace_.step("compose");
}

void EmailModel::tapRecipient() {
    if (screen_ == Screen::Compose && !finished()) {
        recipientFocused_ = true;
    }
}

bool EmailModel::type(std::string_view utf8) {
    if (screen_ != Screen::Compose || !recipientFocused_ || finished()) {
        return false;
    }
    error_ = SendError::None;
    return recipient_.insert(utf8);
}

bool EmailModel::backspace() {
    if (screen_ != Screen::Compose || !recipientFocused_ || finished()) {
        return false;
    }
    error_ = SendError::None;
    return recipient_.backspace();
}

void EmailModel::openFilePicker() {
    if (screen_ == Screen::Compose && !finished()) {
        screen_ = Screen::FilePicker;
        recipientFocused_ = false;
        trace_.step("attach_open");
    }
}

void EmailModel::pickFile(const std::string& name) {
    if (screen_ != Screen::FilePicker || finished()) {
        return;
    }
    if (std::find(files_.begin(), files_.end(), name) == files_.end()) {
        return;
    }
    if (std::find(attached_.begin(), attached_.end(), name) == attached_.end()) {
        attached_.push_back(name);
    }
    trace_.step("attach:" + name);
    screen_ = Screen::Compose;
}

void EmailModel::closeFilePicker() {
    if (screen_ == Screen::FilePicker && !finished()) {
        screen_ = Screen::Compose;
        trace_.step("attach_cancel");
    }
}

void EmailModel::removeAttachment(const std::string& name) {
    if (screen_ != Screen::Compose || finished()) {
        return;
    }
    auto it = std::find(attached_.begin(), attached_.end(), name);
    if (it != attached_.end()) {
        attached_.erase(it);
        trace_.step("detach:" + name);
    }
}

void EmailModel::discard() {
    if (screen_ == Screen::Compose && !finished()) {
        screen_ = Screen::Inbox;
        recipientFocused_ = false;
        trace_.step("discard");
    }
}

void EmailModel::send() {
    if (screen_ != Screen::Compose || finished()) {
        return;
    }
    const std::string to = looseNormalize(recipient_.text());
    // Like a real webmail: no recipient or no "@" -> the message is not sent, an error shows.
    if (to.empty()) {
        error_ = SendError::NoRecipient;
        trace_.step("send_refused:no_recipient");
        return;
    }
    if (to.find('@') == std::string::npos || to.find(' ') != std::string::npos) {
        error_ = SendError::BadAddress;
        trace_.step("send_refused:bad_address");
        return;
    }
    trace_.step("send:" + to);
    screen_ = Screen::Sent;
    recipientFocused_ = false;
    if (!expectedTo_.empty() && to != looseNormalize(expectedTo_)) {
        trace_.finish("sent_wrong_recipient");
    } else if (attached_.empty()) {
        trace_.finish("sent_without_attachment");
    } else if (!expectedFile_.empty() &&
               std::find(attached_.begin(), attached_.end(), expectedFile_) == attached_.end()) {
        trace_.finish("sent_wrong_attachment");
    } else {
        trace_.finish("sent_with_attachment");
    }
}

} // namespace repere::ui::sim
