// Decoding a package picture into RGBA pixels, safely: the headers are walked first with the
// loader's probe (quiz/media_probe.hpp), so a picture over the package limit or cut short is
// refused before any pixel is decoded; a damaged file, or running out of memory, is an error value,
// never an exception.
#pragma once

#include <memory>
#include <string>

namespace repere::platform {

struct DecodedImage {
    std::unique_ptr<unsigned char, void (*)(void*)> rgba{nullptr, nullptr}; // width*height*4 bytes
    int width = 0;
    int height = 0;
    std::string error; // "" on success
    bool ok() const { return error.empty(); }
};

DecodedImage decodeImageFile(const std::string& path);

} // namespace repere::platform
