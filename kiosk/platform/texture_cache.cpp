#include "platform/texture_cache.hpp"

#include <GL/gl.h>
#include <cstdint>
#include <cstdio>
#include <stb_image.h>

namespace repere::platform {

TextureCache::~TextureCache() {
    clear();
}

std::optional<ImageRef> TextureCache::image(const std::string& path) {
    if (auto it = cache_.find(path); it != cache_.end())
        return it->second;
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &channels, 4);
    if (!pixels) {
        std::fprintf(stderr, "repere-kiosk: cannot read image %s: %s\n", path.c_str(),
                     stbi_failure_reason());
        cache_[path] = std::nullopt;
        return std::nullopt;
    }
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    stbi_image_free(pixels);
    ImageRef ref{reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex)), w, h};
    cache_[path] = ref;
    return ref;
}

void TextureCache::clear() {
    for (auto& [path, ref] : cache_) {
        if (!ref)
            continue;
        GLuint tex = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(ref->texture));
        glDeleteTextures(1, &tex);
    }
    cache_.clear();
}

} // namespace repere::platform
