#include "platform/screenshot.hpp"

#include <GL/gl.h>
#include <algorithm>
#include <cstdint>
#include <stb_image_write.h>
#include <vector>

namespace repere::platform {

bool saveScreenshot(int width, int height, const std::filesystem::path& file, std::string& error) {
    if (width <= 0 || height <= 0) {
        error = "empty framebuffer";
        return false;
    }
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    std::error_code ec;
    if (file.has_parent_path())
        std::filesystem::create_directories(file.parent_path(), ec);
    // OpenGL rows start at the bottom.
    stbi_flip_vertically_on_write(1);
    const int ok =
        stbi_write_png(file.string().c_str(), width, height, 4, pixels.data(), width * 4);
    stbi_flip_vertically_on_write(0);
    if (!ok) {
        error = "cannot write " + file.string();
        return false;
    }
    const auto* px = reinterpret_cast<const std::uint32_t*>(pixels.data());
    if (std::all_of(px, px + static_cast<std::size_t>(width) * height,
                    [first = px[0]](std::uint32_t p) { return p == first; })) {
        error = "the frame in " + file.string() + " is blank: one colour, nothing was drawn";
        return false;
    }
    return true;
}

} // namespace repere::platform
