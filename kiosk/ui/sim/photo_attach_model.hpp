// The photo_attach sim: a phone. The person opens the camera, takes a photo of the paper document
// lying in front of it, goes back to the home screen, opens the procedures app, taps "Ajouter une
// photo" and chooses the new photo in the gallery, then sends it. The gallery already holds older
// photos (holidays, a birthday, an older document), as a real one does.
//
// simConfig, every field optional:
//   "time":      "10:15"
//   "document":  "Quittance de loyer"   written on the paper in the camera's view
//   "app":       "Mes démarches"        the procedures app (icon and header)
//   "request":   "Ajoutez la photo de votre quittance de loyer."   what the app asks
//   "gallery":   [{"label": "Vacances", "kind": "landscape|people|document|food"}]  older photos
//   "otherApps": ["Messages", "Météo"]  other icons on the home screen (they open an empty app)
// End states: sent_new_photo (a photo taken in this sim), sent_old_photo (one already there).
#pragma once

#include "ui/sim/sim_trace.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace repere::ui::sim {

struct GalleryPhoto {
    std::string id;    // "new-1", "old-2"
    std::string label; // caption under the thumbnail
    std::string kind;  // how it is drawn: document, landscape, people, food
    bool taken = false;
};

class PhotoAttachModel {
public:
    enum class Screen { Home, Camera, App, Gallery, OtherApp, Sent };

    explicit PhotoAttachModel(const nlohmann::json& config);

    void openCamera();
    void openApp();
    void openOther(std::size_t i);
    void home(); // the phone's home button (not while choosing in the gallery)
    void shutter();
    void addPhoto(); // App: "Ajouter une photo" -> gallery
    void pickPhoto(const std::string& id);
    void cancelPick();
    void removeAttachment();
    void send(); // refused without a photo

    Screen screen() const { return screen_; }
    const std::string& time() const { return time_; }
    const std::string& document() const { return document_; }
    const std::string& appName() const { return app_; }
    const std::string& request() const { return request_; }
    const std::vector<std::string>& otherApps() const { return others_; }
    const std::string& openOtherName() const;
    // Newest first, as galleries show them.
    std::vector<GalleryPhoto> gallery() const;
    const GalleryPhoto* attached() const;
    const GalleryPhoto* lastTaken() const;
    bool flash() const { return flash_; } // a photo was just taken (cleared by the next action)
    bool missingPhoto() const { return missing_; }

    const SimTrace& trace() const { return trace_; }
    bool finished() const { return trace_.finished(); }
    nlohmann::json answer() const { return trace_.answer(); }

private:
    const GalleryPhoto* find(const std::string& id) const;

    Screen screen_ = Screen::Home;
    std::string time_, document_, app_, request_;
    std::vector<std::string> others_;
    std::size_t other_ = 0;
    std::vector<GalleryPhoto> old_, taken_;
    std::string attached_;
    bool flash_ = false;
    bool missing_ = false;
    SimTrace trace_;
};

} // namespace repere::ui::sim
