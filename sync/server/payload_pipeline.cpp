#include "sync/server/payload_pipeline.hpp"

#include "outbox/payloads.hpp"

namespace repere::sync::server {

ReadRecord readRecord(const WireRecord& r) {
    ReadRecord out;
    out.payload = nlohmann::json::parse(r.payload, nullptr, false);
    // A kind this server does not know, or text that is not a JSON object (no field to name: the
    // protocol hashes payloads as opaque text), is stored as it is; a known kind's object that
    // does not read as its typed record (kiosk/core/outbox/payloads.hpp) is quarantined.
    if (out.payload.is_object()) {
        auto typed = outbox::readPayload(r.kind, out.payload);
        if (!typed.ok())
            out.unreadable = std::move(typed.error);
    }
    out.keys = recordKeys(r.kind, out.payload);
    return out;
}

PayloadPipeline::PayloadPipeline(const std::vector<WireRecord>& records, Mode mode)
    : records_(records), read_(records.size()) {
    if (mode == Mode::Inline)
        inlineDone_.assign(records.size(), false);
    else if (!records.empty())
        reader_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void PayloadPipeline::run(std::stop_token stop) {
    for (std::size_t k = 0; k < records_.size() && !stop.stop_requested(); ++k) {
        try {
            read_[k] = readRecord(records_[k]);
        } catch (...) {
            failure_ = std::current_exception(); // published by the store below
            ready_.store(records_.size(), std::memory_order_release);
            ready_.notify_all();
            return;
        }
        ready_.store(k + 1, std::memory_order_release);
        ready_.notify_all();
    }
}

const ReadRecord& PayloadPipeline::at(std::size_t k) {
    if (!inlineDone_.empty()) {
        if (!inlineDone_.at(k)) {
            read_[k] = readRecord(records_[k]);
            inlineDone_[k] = true;
        }
        return read_[k];
    }
    for (auto seen = ready_.load(std::memory_order_acquire); seen <= k;
         seen = ready_.load(std::memory_order_acquire))
        ready_.wait(seen, std::memory_order_acquire);
    if (failure_)
        std::rethrow_exception(failure_);
    return read_.at(k);
}

} // namespace repere::sync::server
