// Screenshots of the current framebuffer as PNG (for --script runs and test evidence).
#pragma once

#include <filesystem>
#include <string>

namespace repere::platform {

// Reads the back buffer (call after rendering, before swapping) and writes a PNG. A frame of one
// single colour is written too but reported as an error: every kiosk screen draws something, so a
// uniform frame means nothing reached the screen (a broken font texture or GL buffer).
bool saveScreenshot(int width, int height, const std::filesystem::path& file, std::string& error);

} // namespace repere::platform
