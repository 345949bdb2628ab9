// The outbox payloads' JSON forms (contract in payloads.hpp). Each kind lists its members once
// (membersOf, payload_reading.hpp), and both directions walk that list: a member added to a struct
// and to its list is written and read alike; one left out of the list fails the round-trip test
// (tests/core/outbox_payloads_test).
#include "outbox/payloads.hpp"

#include "outbox/payload_reading.hpp"

#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace repere::outbox {

using nlohmann::json;

namespace {

using reading::Need;
using reading::TreeObject;

template <typename V> bool isEmpty(const V& v) {
    if constexpr (std::is_same_v<V, std::string>)
        return v.empty();
    else if constexpr (std::is_same_v<V, json>)
        return v.is_null();
    else
        return false;
}

template <typename V> json valueOf(const V& v) {
    return json(v);
}
// A nullable member as kiosks write it: null when absent, never left out.
template <typename V> json valueOf(const std::optional<V>& v) {
    return v ? json(*v) : json(nullptr);
}

template <typename T> json serialise(const T& p) {
    json j = json::object();
    // membersOf lists members for reading too, hence non-const; writing only reads them.
    reading::membersOf(const_cast<T&>(p), [&](const char* name, const auto& v, Need need) {
        if (need != Need::UnlessEmpty || !isEmpty(v))
            j[name] = valueOf(v);
    });
    return j;
}

template <typename T> Read<T> parse(const json& doc) {
    if (!doc.is_object())
        return {std::nullopt, "payload: must be a JSON object"};
    return reading::readAs<T>(TreeObject(doc));
}

} // namespace

json toJson(const BeneficiaryPayload& p) {
    return serialise(p);
}
json toJson(const ConsentPayload& p) {
    return serialise(p);
}
json toJson(const AttemptPayload& p) {
    return serialise(p);
}
json toJson(const AttemptEventPayload& p) {
    return serialise(p);
}
json toJson(const ResponsePayload& p) {
    return serialise(p);
}
json toJson(const ManualScorePayload& p) {
    return serialise(p);
}
json toJson(const NotePayload& p) {
    return serialise(p);
}
json toJson(const RecordingPayload& p) {
    return serialise(p);
}

template <> Read<BeneficiaryPayload> fromJson(const json& doc) {
    return parse<BeneficiaryPayload>(doc);
}
template <> Read<ConsentPayload> fromJson(const json& doc) {
    return parse<ConsentPayload>(doc);
}
template <> Read<AttemptPayload> fromJson(const json& doc) {
    return parse<AttemptPayload>(doc);
}
template <> Read<AttemptEventPayload> fromJson(const json& doc) {
    return parse<AttemptEventPayload>(doc);
}
template <> Read<ResponsePayload> fromJson(const json& doc) {
    return parse<ResponsePayload>(doc);
}
template <> Read<ManualScorePayload> fromJson(const json& doc) {
    return parse<ManualScorePayload>(doc);
}
template <> Read<NotePayload> fromJson(const json& doc) {
    return parse<NotePayload>(doc);
}
template <> Read<RecordingPayload> fromJson(const json& doc) {
    return parse<RecordingPayload>(doc);
}

json toJson(const Payload& p) {
    return std::visit([](const auto& x) { return toJson(x); }, p);
}

const char* kindOf(const Payload& p) {
    return std::visit([](const auto& x) { return std::decay_t<decltype(x)>::kKind; }, p);
}

const std::string& recordIdOf(const Payload& p) {
    return std::visit([](const auto& x) -> const std::string& { return x.uuid; }, p);
}

std::string attemptUuidOf(const Payload& p) {
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, AttemptPayload>)
                return x.uuid;
            else if constexpr (std::is_same_v<T, NotePayload>)
                return x.attemptUuid.value_or("");
            else if constexpr (std::is_same_v<T, BeneficiaryPayload> ||
                               std::is_same_v<T, ConsentPayload>)
                return {};
            else
                return x.attemptUuid;
        },
        p);
}

bool isKnownKind(const std::string& kind) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return ((kind == std::variant_alternative_t<I, Payload>::kKind) || ...);
    }
    (std::make_index_sequence<std::variant_size_v<Payload>>());
}

Read<Payload> readPayload(const std::string& kind, const json& doc) {
    Read<Payload> out;
    if (!isKnownKind(kind))
        return out;
    if (!doc.is_object()) {
        out.error = "payload: must be a JSON object";
        return out;
    }
    reading::readKind(kind, TreeObject(doc), out);
    return out;
}

template <typename T> std::optional<T> payloadAs(const std::string& kind, const std::string& text) {
    if (kind != T::kKind)
        return std::nullopt;
    auto read = readPayload(kind, text);
    if (!read.value)
        return std::nullopt;
    return std::get<T>(std::move(*read.value));
}
template std::optional<BeneficiaryPayload> payloadAs(const std::string&, const std::string&);
template std::optional<ConsentPayload> payloadAs(const std::string&, const std::string&);
template std::optional<AttemptPayload> payloadAs(const std::string&, const std::string&);
template std::optional<AttemptEventPayload> payloadAs(const std::string&, const std::string&);
template std::optional<ResponsePayload> payloadAs(const std::string&, const std::string&);
template std::optional<ManualScorePayload> payloadAs(const std::string&, const std::string&);
template std::optional<NotePayload> payloadAs(const std::string&, const std::string&);
template std::optional<RecordingPayload> payloadAs(const std::string&, const std::string&);

Read<Payload> readPayload(const std::string& kind, const std::string& text) {
    if (!isKnownKind(kind))
        return {};
    const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded())
        return {std::nullopt, "payload: not JSON"};
    return readPayload(kind, doc);
}

} // namespace repere::outbox
