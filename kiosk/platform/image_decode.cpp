#include "platform/image_decode.hpp"

#include "quiz/media_probe.hpp"

#include <algorithm>
#include <cctype>
#include <exception>
#include <filesystem>
#include <stb_image.h>

namespace repere::platform {

DecodedImage decodeImageFile(const std::string& path) {
    DecodedImage out;
    try {
        // The loader's own header walk: size limits, and a file cut short is found here too.
        std::string ext = std::filesystem::path(path).extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const auto probe =
            quiz::probeMedia(path, quiz::AssetKind::Image, ext.empty() ? ext : ext.substr(1));
        if (!probe.problem.empty()) {
            out.error = probe.problem;
            return out;
        }
        int w = 0, h = 0, channels = 0;
        unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &channels, 4);
        if (!pixels) {
            out.error = std::string("damaged picture: ") + stbi_failure_reason();
            return out;
        }
        out.rgba = {pixels, stbi_image_free};
        out.width = w;
        out.height = h;
    } catch (const std::exception& e) {
        out = DecodedImage{};
        out.error = std::string("cannot decode the picture: ") + e.what();
    }
    return out;
}

} // namespace repere::platform
