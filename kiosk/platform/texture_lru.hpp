// Which decoded pictures the texture cache keeps: least recently used first out, under a budget
// of texture bytes (width × height × 4). A picture drawn in the current frame is never dropped
// (its texture is still referenced by the frame's draw lists), so the budget can be exceeded by
// the pictures of one screen at most. GL-free, so its rules are tested without a window.
#pragma once

#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>
#include <vector>

namespace repere::platform {

class TextureLru {
public:
    explicit TextureLru(std::size_t budgetBytes) : budget_(budgetBytes) {}

    // Marks `key` used in `frame` (adding it with `bytes` when new).
    void use(const std::string& key, std::size_t bytes, int frame) {
        if (auto it = index_.find(key); it != index_.end()) {
            order_.splice(order_.end(), order_, it->second);
            it->second->frame = frame;
            return;
        }
        order_.push_back({key, bytes, frame});
        index_[key] = std::prev(order_.end());
        total_ += bytes;
    }

    // Drops least recently used entries not used in `frame` until the total fits the budget;
    // returns their keys (the caller frees their textures).
    std::vector<std::string> evict(int frame) {
        std::vector<std::string> out;
        for (auto it = order_.begin(); it != order_.end() && total_ > budget_;) {
            if (it->frame == frame) {
                ++it;
                continue;
            }
            total_ -= it->bytes;
            out.push_back(it->key);
            index_.erase(it->key);
            it = order_.erase(it);
        }
        return out;
    }

    void clear() {
        order_.clear();
        index_.clear();
        total_ = 0;
    }
    std::size_t bytes() const { return total_; }
    std::size_t size() const { return order_.size(); }
    bool contains(const std::string& key) const { return index_.count(key) != 0; }

private:
    struct Entry {
        std::string key;
        std::size_t bytes;
        int frame;
    };
    std::size_t budget_;
    std::size_t total_ = 0;
    std::list<Entry> order_; // least recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

} // namespace repere::platform
