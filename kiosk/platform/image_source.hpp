// Images for the UI, behind an interface: the kiosk uploads them to OpenGL, screen tests
// use a fake that knows sizes only. A missing or broken file is reported, never fatal.
#pragma once

#include <imgui.h>
#include <optional>
#include <string>

namespace repere::platform {

struct ImageRef {
    ImTextureID texture = nullptr;
    int width = 0;
    int height = 0;
};

class ImageSource {
public:
    virtual ~ImageSource() = default;
    // The image at an absolute path; nullopt when it cannot be read (the caller shows a calm
    // placeholder and the problem is logged once).
    virtual std::optional<ImageRef> image(const std::string& path) = 0;
};

} // namespace repere::platform
