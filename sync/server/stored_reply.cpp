#include "sync/server/stored_reply.hpp"

#include <nlohmann/json.hpp>

namespace repere::sync::server {
namespace {

// A JSON string. Record ids are short ASCII in practice: copied as they are; anything else
// (a quote, a control or non-ASCII byte) goes through the JSON library's escaping.
void appendString(std::string& out, const std::string& s) {
    for (const unsigned char c : s)
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
            out += nlohmann::json(s).dump(); // request bodies are valid UTF-8 (parsed as JSON)
            return;
        }
    out += '"';
    out += s;
    out += '"';
}

} // namespace

std::string storedReplyText(const BatchReply& reply) {
    std::string out;
    out.reserve(64 + reply.results.size() * 40);
    out += "{\"batchId\":";
    appendString(out, reply.batchId);
    out += ",\"results\":[";
    bool first = true;
    for (const auto& r : reply.results) {
        if (!first)
            out += ',';
        first = false;
        if (r.status == RecordStatus::Stored && r.reason.empty()) {
            appendString(out, r.recordId);
            continue;
        }
        out += "{\"recordId\":";
        appendString(out, r.recordId);
        out += ",\"status\":\"";
        out += toString(r.status);
        out += '"';
        if (!r.reason.empty()) {
            out += ",\"reason\":";
            appendString(out, r.reason);
        }
        out += '}';
    }
    out += "]}";
    return out;
}

Parsed<BatchReply> parseStoredReply(const std::string& text, std::optional<std::int64_t> cursor) {
    // The wire parser reads every result as an object; a bare string stands for "stored".
    auto doc = nlohmann::json::parse(text, nullptr, false);
    if (!doc.is_object() || !doc.contains("results") || !doc["results"].is_array())
        return Parsed<BatchReply>::fail("stored reply: not a reply");
    if (cursor)
        doc["cursor"] = *cursor;
    for (auto& r : doc["results"])
        if (r.is_string())
            r = nlohmann::json{{"recordId", r}, {"status", toString(RecordStatus::Stored)}};
    return parseBatchReply(doc.dump());
}

} // namespace repere::sync::server
