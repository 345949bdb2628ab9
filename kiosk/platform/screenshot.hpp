// Screenshots of the current framebuffer as PNG (for --script runs and test evidence).
#pragma once

#include <filesystem>
#include <string>

namespace repere::platform {

// Reads the back buffer (call after rendering, before swapping) and writes a PNG.
bool saveScreenshot(int width, int height, const std::filesystem::path& file, std::string& error);

} // namespace repere::platform
