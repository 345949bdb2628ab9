#include "ui/sim/photo_attach_model.hpp"

namespace repere::ui::sim {

namespace {
constexpr std::size_t kMaxShots = 12; // a burst of taps stays a small gallery
} // namespace

PhotoAttachModel::PhotoAttachModel(const nlohmann::json& config)
    : time_(configString(config, "time", "10:15")),
      document_(configString(config, "document", "Document")),
      app_(configString(config, "app", "Mes démarches")), request_(configString(config, "request")),
      others_(configStrings(config, "otherApps")) {
    if (config.is_object() && config.contains("gallery") && config["gallery"].is_array()) {
        for (const auto& p : config["gallery"]) {
            GalleryPhoto photo;
            photo.id = "old-" + std::to_string(old_.size() + 1);
            photo.label = configString(p, "label");
            photo.kind = configString(p, "kind", "landscape");
            old_.push_back(std::move(photo));
        }
    }
}

void PhotoAttachModel::openCamera() {
    if (screen_ == Screen::Home && !finished()) {
        screen_ = Screen::Camera;
        flash_ = false;
        trace_.step("open:camera");
    }
}

void PhotoAttachModel::openApp() {
    if (screen_ == Screen::Home && !finished()) {
        screen_ = Screen::App;
        trace_.step("open:app");
    }
}

void PhotoAttachModel::openOther(std::size_t i) {
    if (screen_ == Screen::Home && !finished() && i < others_.size()) {
        screen_ = Screen::OtherApp;
        other_ = i;
        trace_.step("open:" + others_[i]);
    }
}

const std::string& PhotoAttachModel::openOtherName() const {
    static const std::string none;
    return other_ < others_.size() ? others_[other_] : none;
}

void PhotoAttachModel::home() {
    if (finished() || screen_ == Screen::Home || screen_ == Screen::Gallery)
        return;
    screen_ = Screen::Home;
    flash_ = false;
    trace_.step("home");
}

void PhotoAttachModel::shutter() {
    if (screen_ != Screen::Camera || finished() || taken_.size() >= kMaxShots)
        return;
    GalleryPhoto p;
    p.id = "new-" + std::to_string(taken_.size() + 1);
    p.label = "Aujourd'hui";
    p.kind = "document";
    p.taken = true;
    taken_.push_back(std::move(p));
    flash_ = true;
    trace_.step("photo");
}

void PhotoAttachModel::addPhoto() {
    if (screen_ == Screen::App && !finished()) {
        screen_ = Screen::Gallery;
        trace_.step("add_photo");
    }
}

const GalleryPhoto* PhotoAttachModel::find(const std::string& id) const {
    for (const auto* list : {&taken_, &old_})
        for (const auto& p : *list)
            if (p.id == id)
                return &p;
    return nullptr;
}

void PhotoAttachModel::pickPhoto(const std::string& id) {
    if (screen_ != Screen::Gallery || finished() || !find(id))
        return;
    attached_ = id;
    missing_ = false;
    screen_ = Screen::App;
    trace_.step("pick:" + id);
}

void PhotoAttachModel::cancelPick() {
    if (screen_ == Screen::Gallery) {
        screen_ = Screen::App;
        trace_.step("cancel");
    }
}

void PhotoAttachModel::removeAttachment() {
    if (screen_ == Screen::App && !finished() && !attached_.empty()) {
        attached_.clear();
        trace_.step("remove");
    }
}

void PhotoAttachModel::send() {
    if (screen_ != Screen::App || finished())
        return;
    const GalleryPhoto* p = attached();
    if (!p) {
        missing_ = true;
        trace_.step("send_refused");
        return;
    }
    screen_ = Screen::Sent;
    trace_.step("send");
    trace_.finish(p->taken ? "sent_new_photo" : "sent_old_photo");
}

std::vector<GalleryPhoto> PhotoAttachModel::gallery() const {
    std::vector<GalleryPhoto> out(taken_.rbegin(), taken_.rend());
    out.insert(out.end(), old_.begin(), old_.end());
    return out;
}

const GalleryPhoto* PhotoAttachModel::attached() const {
    return attached_.empty() ? nullptr : find(attached_);
}

const GalleryPhoto* PhotoAttachModel::lastTaken() const {
    return taken_.empty() ? nullptr : &taken_.back();
}

} // namespace repere::ui::sim
