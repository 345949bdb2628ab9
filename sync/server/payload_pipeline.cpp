#include "sync/server/payload_pipeline.hpp"

#include "outbox/payload_reading.hpp"
#include "outbox/payloads.hpp"

#include <array>
#include <cstring>
#include <simdjson.h>
#include <string_view>
#include <utility>

namespace repere::sync::server {
namespace {

using nlohmann::json;

json treeOf(simdjson::dom::element e);

// simdjson's parsed document as a JSON object view (outbox/payload_reading.hpp). Read as
// nlohmann reads: a repeated key's last value, integers of either sign, every number a double
// when asked for one.
class ParsedValue {
public:
    explicit ParsedValue(simdjson::dom::element e) : e_(e) {}
    bool isNull() const { return e_.is_null(); }
    bool isString() const { return e_.is_string(); }
    bool isInteger() const { return e_.is_int64() || e_.is_uint64(); }
    bool isNumber() const { return e_.is_number(); }
    std::string_view text() const { return e_.get_string().value_unsafe(); }
    std::int64_t integer() const {
        return e_.is_int64() ? e_.get_int64().value_unsafe()
                             : static_cast<std::int64_t>(e_.get_uint64().value_unsafe());
    }
    double number() const { return e_.get_double().value_unsafe(); }
    json tree() const { return treeOf(e_); }

private:
    simdjson::dom::element e_;
};

class ParsedObject {
public:
    // The members are listed once (a kiosk payload has about ten; the reader asks for each of its
    // kind's members, then the keys): walking simdjson's tape again for every name cost a third
    // of the reading.
    explicit ParsedObject(simdjson::dom::object o) : o_(o) {
        for (const auto field : o_) {
            if (count_ == kListed) {
                listed_ = false; // a larger object: looked up in the tape, name by name
                break;
            }
            fields_[count_++] = {field.key, field.value};
        }
    }
    std::optional<ParsedValue> member(const char* name) const {
        const std::string_view wanted(name);
        if (listed_) {
            for (std::size_t k = count_; k-- > 0;) // the last one when a key repeats
                if (fields_[k].first == wanted)
                    return ParsedValue(fields_[k].second);
            return std::nullopt;
        }
        std::optional<ParsedValue> found;
        for (const auto field : o_)
            if (field.key == wanted)
                found.emplace(field.value);
        return found;
    }

private:
    static constexpr std::size_t kListed = 32;
    simdjson::dom::object o_;
    std::array<std::pair<std::string_view, simdjson::dom::element>, kListed> fields_;
    std::size_t count_ = 0;
    bool listed_ = true;
};

// A member kept as JSON (an answer, an event's result, rubric points) as nlohmann's tree.
json treeOf(simdjson::dom::element e) {
    switch (e.type()) {
    case simdjson::dom::element_type::ARRAY: {
        json out = json::array();
        const simdjson::dom::array items = e.get_array().value_unsafe(); // a copy of a view
        for (const auto item : items)
            out.push_back(treeOf(item));
        return out;
    }
    case simdjson::dom::element_type::OBJECT: {
        json out = json::object();
        const simdjson::dom::object fields = e.get_object().value_unsafe();
        for (const auto field : fields)
            out[std::string(field.key)] = treeOf(field.value);
        return out;
    }
    case simdjson::dom::element_type::INT64:
        return e.get_int64().value_unsafe();
    case simdjson::dom::element_type::UINT64:
        return e.get_uint64().value_unsafe();
    case simdjson::dom::element_type::DOUBLE:
        return e.get_double().value_unsafe();
    case simdjson::dom::element_type::STRING:
        return std::string(e.get_string().value_unsafe());
    case simdjson::dom::element_type::BOOL:
        return e.get_bool().value_unsafe();
    case simdjson::dom::element_type::NULL_VALUE:
        break;
    }
    return nullptr;
}

// Payloads above this size are parsed by a parser of their own, freed after, so that one large
// payload does not leave its buffers on the reading thread.
constexpr std::size_t kKeptParserBytes = 64 * 1024;

} // namespace

ReadRecord readRecord(const WireRecord& r) {
    ReadRecord out;
    // simdjson reads SIMDJSON_PADDING bytes past the text: a copy in a buffer kept per thread.
    thread_local simdjson::dom::parser keptParser;
    thread_local std::string keptBuffer;
    simdjson::dom::parser largeParser;
    std::string largeBuffer;
    const bool large = r.payload.size() > kKeptParserBytes;
    auto& parser = large ? largeParser : keptParser;
    auto& buffer = large ? largeBuffer : keptBuffer;
    buffer.resize(r.payload.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(buffer.data(), r.payload.data(), r.payload.size());
    simdjson::dom::element doc;
    simdjson::dom::object object;
    // A kind this server does not know, or text that is not a JSON object (no field to name: the
    // protocol hashes payloads as opaque text), is stored as it is; a known kind's object that
    // does not read as its typed record (kiosk/core/outbox/payloads.hpp) is quarantined.
    if (parser.parse(buffer.data(), r.payload.size(), false).get(doc) ||
        doc.get_object().get(object))
        return out;
    const ParsedObject view(object);
    if (outbox::isKnownKind(r.kind)) {
        outbox::Read<outbox::Payload> typed;
        outbox::reading::readKind(r.kind, view, typed);
        if (typed.ok())
            out.typed = std::move(typed.value);
        else
            out.unreadable = std::move(typed.error);
    }
    out.keys = recordKeysOf(r.kind, view);
    if (r.kind == outbox::kind::kAttempt || r.kind == outbox::kind::kAttemptEvent)
        out.tree = treeOf(doc);
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
