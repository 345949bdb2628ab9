// Images of quiz packages as OpenGL textures, decoded with stb_image, cached by path.
// A file that cannot be read is remembered as broken (logged once) and never retried per frame.
#pragma once

#include "platform/image_source.hpp"

#include <map>
#include <string>

namespace repere::platform {

class TextureCache final : public ImageSource {
public:
    TextureCache() = default;
    ~TextureCache() override;
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;

    std::optional<ImageRef> image(const std::string& path) override;
    // Frees every texture (between beneficiaries nothing needs to stay in video memory).
    void clear();

private:
    std::map<std::string, std::optional<ImageRef>> cache_;
};

} // namespace repere::platform
