// The outbox payloads' JSON forms (contract in payloads.hpp). Each kind lists its members once
// (membersOf), and both directions walk that list: a member added to a struct and to its list is
// written and read alike; one left out of the list fails the round-trip test
// (tests/core/outbox_payloads_test).
#include "outbox/payloads.hpp"

#include <type_traits>

namespace repere::outbox {

using nlohmann::json;

namespace {

struct Problem {
    std::string reason;
};

// Required: reading fails without it. Optional: its default when absent. UnlessEmpty: optional,
// and left out of the text when empty (an event's result, a kiosk score's origin), as kiosks did.
enum class Need { Required, Optional, UnlessEmpty };

// Reads the members of one payload object: a required member must be there (and a required text
// must not be empty); any member present must have its member's type (an optional one may also be
// null). Every failure names the member.
class Fields {
public:
    explicit Fields(const json& doc) : doc_(doc) {
        if (!doc_.is_object())
            throw Problem{"payload: must be a JSON object"};
    }

    template <typename V> void take(const char* name, V& out, Need need) {
        const auto it = doc_.find(name);
        if (it == doc_.end()) {
            if (need == Need::Required)
                throw Problem{std::string(name) + ": missing"};
            return;
        }
        read(name, *it, out);
        if constexpr (std::is_same_v<V, std::string>)
            if (need == Need::Required && out.empty())
                throw Problem{std::string(name) + ": empty"};
    }

private:
    static void wrong(const char* name, const char* what) {
        throw Problem{std::string(name) + ": must be " + what};
    }
    static void read(const char* name, const json& v, std::string& out) {
        if (!v.is_string())
            wrong(name, "a string");
        out = v.get<std::string>();
    }
    static void read(const char* name, const json& v, std::int64_t& out) {
        if (!v.is_number_integer())
            wrong(name, "an integer");
        out = v.get<std::int64_t>();
    }
    static void read(const char* name, const json& v, int& out) {
        if (!v.is_number_integer())
            wrong(name, "an integer");
        out = v.get<int>();
    }
    static void read(const char* name, const json& v, double& out) {
        if (!v.is_number())
            wrong(name, "a number");
        out = v.get<double>();
    }
    static void read(const char*, const json& v, json& out) { out = v; }
    template <typename V> static void read(const char* name, const json& v, std::optional<V>& out) {
        if (v.is_null()) {
            out.reset();
            return;
        }
        V value{};
        read(name, v, value);
        out = std::move(value);
    }

    const json& doc_;
};

constexpr Need kReq = Need::Required;
constexpr Need kOpt = Need::Optional;
constexpr Need kUnlessEmpty = Need::UnlessEmpty;

// Each kind's members, listed once for both directions: `visit(name, member, need)`. Required are
// the links that file a record (its attempt, its person, its answer, its blob) and what it is
// about; the uuid repeats the envelope's record id (the server's key), so it may be absent, except
// an attempt's, which its other records name.
void membersOf(BeneficiaryPayload& p, auto&& visit) {
    visit("uuid", p.uuid, kOpt);
    visit("code", p.code, kReq);
    visit("firstName", p.firstName, kOpt);
    visit("consentAtMs", p.consentAtMs, kOpt);
    visit("createdAtMs", p.createdAtMs, kOpt);
}

void membersOf(ConsentPayload& p, auto&& visit) {
    visit("uuid", p.uuid, kOpt);
    visit("code", p.code, kReq);
    visit("consentAtMs", p.consentAtMs, kReq);
}

void membersOf(AttemptPayload& p, auto&& visit) {
    visit("uuid", p.uuid, kReq); // the attempt's own id, which all its other records name
    visit("code", p.code, kOpt);
    visit("quizId", p.quizId, kOpt);
    visit("quizVersion", p.quizVersion, kOpt);
    visit("quizHash", p.quizHash, kOpt);
    visit("kioskId", p.kioskId, kOpt);
    visit("seed", p.seed, kOpt);
    visit("locale", p.locale, kOpt);
    visit("startedAtMs", p.startedAtMs, kOpt);
}

void membersOf(AttemptEventPayload& p, auto&& visit) {
    visit("uuid", p.uuid, kOpt);
    visit("attemptUuid", p.attemptUuid, kReq);
    visit("event", p.event, kReq);
    visit("atMs", p.atMs, kOpt);
    visit("result", p.result, kUnlessEmpty);
}

void membersOf(ResponsePayload& p, auto&& visit) {
    visit("uuid", p.uuid, kOpt);
    visit("attemptUuid", p.attemptUuid, kReq);
    visit("sequence", p.sequence, kOpt);
    visit("sectionId", p.sectionId, kOpt);
    visit("itemId", p.itemId, kReq);
    visit("itemRev", p.itemRev, kOpt);
    visit("answer", p.answer, kOpt);
    visit("score", p.score, kOpt);
    visit("maxScore", p.maxScore, kOpt);
    visit("status", p.status, kOpt);
    visit("durationMs", p.durationMs, kOpt);
    visit("plays", p.plays, kOpt);
    visit("answeredAtMs", p.answeredAtMs, kOpt);
}

void membersOf(ManualScorePayload& p, auto&& visit) {
    visit("uuid", p.uuid, kOpt);
    visit("responseUuid", p.responseUuid, kReq);
    visit("attemptUuid", p.attemptUuid, kOpt);
    visit("trainer", p.trainer, kOpt);
    visit("atMs", p.atMs, kOpt);
    visit("points", p.points, kOpt);
    visit("score", p.score, kOpt);
    visit("maxScore", p.maxScore, kOpt);
    visit("origin", p.origin, kUnlessEmpty);
}

void membersOf(NotePayload& p, auto&& visit) {
    visit("uuid", p.uuid, kOpt);
    visit("code", p.code, kReq);
    visit("attemptUuid", p.attemptUuid, kOpt);
    visit("trainer", p.trainer, kOpt);
    visit("atMs", p.atMs, kOpt);
    visit("kind", p.kind, kOpt);
    visit("text", p.text, kReq);
}

void membersOf(RecordingPayload& p, auto&& visit) {
    visit("uuid", p.uuid, kOpt);
    visit("responseUuid", p.responseUuid, kReq);
    visit("attemptUuid", p.attemptUuid, kReq);
    visit("recording", p.recording, kOpt);
    visit("sha256", p.sha256, kReq);
    visit("size", p.size, kReq);
}

// What a member's list cannot say: rubric points are an object.
template <typename T> void checkRead(const T&) {}
void checkRead(const ManualScorePayload& p) {
    if (!p.points.is_object())
        throw Problem{"points: must be an object"};
}

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
    membersOf(const_cast<T&>(p), [&](const char* name, const auto& v, Need need) {
        if (need != Need::UnlessEmpty || !isEmpty(v))
            j[name] = valueOf(v);
    });
    return j;
}

template <typename T> Read<T> parse(const json& doc) {
    try {
        Fields f(doc);
        T out;
        membersOf(out, [&](const char* name, auto& v, Need need) { f.take(name, v, need); });
        checkRead(out);
        return {std::move(out), {}};
    } catch (const Problem& p) {
        return {std::nullopt, p.reason};
    }
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

namespace {

// Reads `doc` as the alternative of Payload whose kind is `kind`; false when none is.
template <std::size_t I = 0>
bool readAs(const std::string& kind, const json& doc, Read<Payload>& out) {
    if constexpr (I == std::variant_size_v<Payload>) {
        return false;
    } else {
        using T = std::variant_alternative_t<I, Payload>;
        if (kind != T::kKind)
            return readAs<I + 1>(kind, doc, out);
        auto read = fromJson<T>(doc);
        if (read.value)
            out.value = std::move(*read.value);
        out.error = std::move(read.error);
        return true;
    }
}

} // namespace

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
    Read<Payload> ignored;
    return readAs(kind, json(), ignored);
}

Read<Payload> readPayload(const std::string& kind, const json& doc) {
    Read<Payload> out;
    readAs(kind, doc, out);
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
