#include "platform/texture_cache.hpp"

#include <GL/gl.h>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <imgui.h>

namespace repere::platform {

namespace {

void deleteTexture(const ImageRef& ref) {
    GLuint tex = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(ref.texture));
    glDeleteTextures(1, &tex);
}

} // namespace

TextureCache::TextureCache() : worker_([this] { work(); }) {}

TextureCache::~TextureCache() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
    clear();
}

void TextureCache::work() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (stop_)
            return;
        const std::string path = queue_.front();
        queue_.pop_front();
        lock.unlock();
        DecodedImage decoded = decodeImageFile(path); // never throws
        lock.lock();
        if (requested_.count(path) != 0) // not cleared meanwhile: kept only until uploaded
            done_.emplace(path, std::move(decoded));
        wake_.notify_all();
    }
}

std::optional<ImageRef> TextureCache::image(const std::string& path) {
    const int frame = ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0;
    if (auto it = cache_.find(path); it != cache_.end()) {
        if (it->second)
            lru_.use(path, 0, frame);
        return it->second;
    }
    std::unique_lock lock(mutex_);
    if (requested_.insert(path).second) {
        queue_.push_back(path);
        wake_.notify_all();
    }
    wake_.wait_for(lock, std::chrono::milliseconds(kDecodeWaitMs),
                   [&] { return done_.count(path) != 0; });
    auto node = done_.extract(path);
    if (node.empty())
        return std::nullopt; // still decoding: the placeholder for now, loading() is true
    requested_.erase(path);
    lock.unlock();
    upload(path, std::move(node.mapped()));
    const auto& ref = cache_[path];
    if (ref)
        lru_.use(path, static_cast<std::size_t>(ref->width) * ref->height * 4, frame);
    for (const auto& old : lru_.evict(frame)) {
        if (auto it = cache_.find(old); it != cache_.end()) {
            if (it->second)
                deleteTexture(*it->second);
            cache_.erase(it);
        }
    }
    return ref;
}

void TextureCache::upload(const std::string& path, DecodedImage decoded) {
    if (!decoded.ok()) {
        std::fprintf(stderr, "repere-kiosk: cannot show image %s: %s\n", path.c_str(),
                     decoded.error.c_str());
        cache_[path] = std::nullopt;
        return;
    }
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, decoded.width, decoded.height, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, decoded.rgba.get());
    cache_[path] = ImageRef{reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex)),
                            decoded.width, decoded.height};
}

bool TextureCache::loading() const {
    std::lock_guard lock(mutex_);
    return !requested_.empty();
}

void TextureCache::clear() {
    for (auto& [path, ref] : cache_) {
        if (ref)
            deleteTexture(*ref);
    }
    cache_.clear();
    lru_.clear();
    std::lock_guard lock(mutex_);
    done_.clear();
    queue_.clear();
    requested_.clear();
}

} // namespace repere::platform
