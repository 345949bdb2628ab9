// SoundPort on top of the audio room's AudioService, for parts of the app that only need to play
// a file or read a text (the trainer area listening to a recorded answer). The beneficiary
// journey talks to AudioService directly (controller.cpp). A kiosk without a sound card still
// runs: the service reports itself unavailable and plays nothing.
#pragma once

#include "app/sound.hpp"
#include "audio/audio_service.hpp"

#include <memory>

namespace repere::app {

class AudioServiceSound final : public SoundPort {
public:
    // Owns the service.
    explicit AudioServiceSound(std::unique_ptr<audio::AudioService> service)
        : owned_(std::move(service)), service_(owned_.get()) {}
    // Borrows a service owned elsewhere (the kiosk loop owns the one service).
    explicit AudioServiceSound(audio::AudioService& service) : service_(&service) {}

    void readAloud(const std::string& text, const std::string& locale,
                   const std::filesystem::path& recorded) override {
        service_->readAloud(audio::ReadAloud{text, locale, recorded});
    }
    bool playAsset(const std::filesystem::path& file) override { return service_->playAsset(file); }
    void stopAll() override { service_->onScreenChanged(); }
    void update() override { service_->update(); }
    audio::AudioService& service() { return *service_; }

private:
    std::unique_ptr<audio::AudioService> owned_;
    audio::AudioService* service_;
};

} // namespace repere::app
