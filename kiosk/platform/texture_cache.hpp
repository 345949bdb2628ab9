// Images of quiz packages as OpenGL textures, cached by path.
//
// Decoding happens on a worker thread (platform/image_decode.hpp: size checked from the header,
// errors as values), so a large or hostile picture never stalls the screen: image() waits at most
// kDecodeWaitMs for a new picture, then returns nullopt (the caller draws its calm placeholder)
// and loading() stays true until the picture is ready to upload on the UI thread. A file that
// cannot be read is remembered as broken (logged once) and never retried per frame.
//
// Decoded pictures are kept under a budget of kTextureBudgetBytes of texture memory, least
// recently used out first (platform/texture_lru.hpp); the CPU copy is freed once uploaded. The
// kiosk clears the cache whenever it returns to the welcome screen (nothing of one person's
// diagnostic needs to stay for the next), so a long-running kiosk does not grow.
#pragma once

#include "platform/image_decode.hpp"
#include "platform/image_source.hpp"
#include "platform/texture_lru.hpp"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace repere::platform {

class TextureCache final : public ImageSource {
public:
    // 32 MiB: about 14 pictures of 960×600 (the largest the bundled packages use), several
    // screens' worth; a screen's own pictures always stay, even above the budget
    // (texture_lru.hpp). Texture memory is the main memory on the integrated GPUs of kiosks.
    static constexpr std::size_t kTextureBudgetBytes = 32u * 1024u * 1024u;
    // A picture decoded within this time shows in the frame that asked for it.
    static constexpr int kDecodeWaitMs = 150;

    TextureCache();
    ~TextureCache() override;
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;

    std::optional<ImageRef> image(const std::string& path) override;
    // True while a picture asked for is still being decoded: keep drawing frames.
    bool loading() const;
    // Frees every texture (between beneficiaries nothing needs to stay in video memory).
    void clear();

private:
    void work();
    void upload(const std::string& path, DecodedImage decoded);

    std::map<std::string, std::optional<ImageRef>> cache_; // UI thread only
    TextureLru lru_{kTextureBudgetBytes};

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::string> queue_;            // paths to decode
    std::map<std::string, DecodedImage> done_; // decoded, waiting for upload
    std::set<std::string> requested_;          // queued, decoding or done
    bool stop_ = false;
    std::thread worker_;
};

} // namespace repere::platform
