#include "ui/sim/phishing_model.hpp"

namespace repere::ui::sim {

PhishingModel::PhishingModel(const nlohmann::json& config)
    : email_(configString(config, "channel", "sms") == "email"),
      sender_(configString(config, "sender")),
      senderAddress_(configString(config, "senderAddress")),
      subject_(configString(config, "subject")), text_(configString(config, "text")),
      link_(configString(config, "link")), time_(configString(config, "time")) {
    if (config.is_object() && config.contains("linkPage")) {
        linkPageTitle_ = configString(config["linkPage"], "title");
        linkPageText_ = configString(config["linkPage"], "text");
    }
}

void PhishingModel::openLink() {
    if (screen_ == Screen::Message && !finished() && !link_.empty()) {
        screen_ = Screen::LinkOpened;
        trace_.step("open_link");
        trace_.finish("opened_link");
    }
}

void PhishingModel::askReport() {
    if (screen_ == Screen::Message && !finished()) {
        screen_ = Screen::ConfirmReport;
        trace_.step("report_ask");
    }
}

void PhishingModel::askDelete() {
    if (screen_ == Screen::Message && !finished()) {
        screen_ = Screen::ConfirmDelete;
        trace_.step("delete_ask");
    }
}

void PhishingModel::confirm() {
    if (finished()) {
        return;
    }
    if (screen_ == Screen::ConfirmReport) {
        screen_ = Screen::Reported;
        trace_.finish("reported");
    } else if (screen_ == Screen::ConfirmDelete) {
        screen_ = Screen::Deleted;
        trace_.finish("deleted");
    }
}

void PhishingModel::cancel() {
    if (!finished() && (screen_ == Screen::ConfirmReport || screen_ == Screen::ConfirmDelete)) {
        screen_ = Screen::Message;
        trace_.step("cancel");
    }
}

} // namespace repere::ui::sim
