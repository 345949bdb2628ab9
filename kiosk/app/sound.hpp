// What the controller needs from sound: read a text aloud (recorded file or synthesis), play a
// quiz asset, stop everything when the screen changes. The kiosk wires the audio room's
// AudioService behind it; tests and machines without sound use NullSound.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace repere::app {

class SoundPort {
public:
    virtual ~SoundPort() = default;
    virtual void readAloud(const std::string& text, const std::string& locale,
                           const std::filesystem::path& recorded) = 0;
    virtual bool playAsset(const std::filesystem::path& file) = 0;
    virtual void stopAll() = 0;
    virtual void update() {}
};

// No sound card (or tests): remembers what it was asked, plays nothing.
class NullSound final : public SoundPort {
public:
    void readAloud(const std::string& text, const std::string&,
                   const std::filesystem::path& recorded) override {
        spoken.push_back(recorded.empty() ? text : recorded.string());
    }
    bool playAsset(const std::filesystem::path& file) override {
        played.push_back(file.string());
        return true;
    }
    void stopAll() override { ++stops; }

    std::vector<std::string> spoken;
    std::vector<std::string> played;
    int stops = 0;
};

} // namespace repere::app
