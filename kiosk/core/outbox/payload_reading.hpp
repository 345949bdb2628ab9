// How a payload's JSON object is read as its kind's typed record (contract in payloads.hpp): each
// kind's members, listed once (membersOf), and the strict reader that walks that list. It reads
// any JSON object view, so the one list serves two parsers: nlohmann's tree (payloads.cpp, every
// reader of the project) and simdjson's (the server's ingest, sync/server/payload_pipeline.cpp,
// where parsing 500 payloads a batch with nlohmann cost as much as storing them).
//
// A view `doc` offers doc.member(name): the member's value (the last one when a key repeats, as
// nlohmann keeps it), or nothing; a value `v` offers v.isNull(), isString(), isInteger(),
// isNumber(), text() (a string_view), integer(), number() and tree() (nlohmann::json).
#pragma once

#include "outbox/payloads.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace repere::outbox::reading {

using nlohmann::json;

// nlohmann's tree as a JSON object view (the doc of the reading below).
class TreeValue {
public:
    explicit TreeValue(const json& v) : v_(v) {}
    bool isNull() const { return v_.is_null(); }
    bool isString() const { return v_.is_string(); }
    bool isInteger() const { return v_.is_number_integer(); }
    bool isNumber() const { return v_.is_number(); }
    std::string_view text() const { return v_.get_ref<const std::string&>(); }
    std::int64_t integer() const { return v_.get<std::int64_t>(); }
    double number() const { return v_.get<double>(); }
    const json& tree() const { return v_; }

private:
    const json& v_;
};

class TreeObject {
public:
    explicit TreeObject(const json& doc) : doc_(doc) {}
    std::optional<TreeValue> member(const char* name) const {
        const auto it = doc_.find(name);
        if (it == doc_.end())
            return std::nullopt;
        return TreeValue(*it);
    }

private:
    const json& doc_;
};

struct Problem {
    std::string reason;
};

// Required: reading fails without it. Optional: its default when absent. UnlessEmpty: optional,
// and left out of the text when empty (an event's result, a kiosk score's origin), as kiosks did.
enum class Need { Required, Optional, UnlessEmpty };

// Reads the members of one payload object: a required member must be there (and a required text
// must not be empty); any member present must have its member's type (an optional one may also be
// null). Every failure names the member.
template <typename Doc> class Fields {
public:
    explicit Fields(const Doc& doc) : doc_(doc) {}

    template <typename V> void take(const char* name, V& out, Need need) {
        const auto value = doc_.member(name);
        if (!value) {
            if (need == Need::Required)
                throw Problem{std::string(name) + ": missing"};
            return;
        }
        read(name, *value, out);
        if constexpr (std::is_same_v<V, std::string>)
            if (need == Need::Required && out.empty())
                throw Problem{std::string(name) + ": empty"};
    }

private:
    static void wrong(const char* name, const char* what) {
        throw Problem{std::string(name) + ": must be " + what};
    }
    template <typename Value> static void read(const char* name, const Value& v, std::string& out) {
        if (!v.isString())
            wrong(name, "a string");
        out.assign(v.text());
    }
    template <typename Value>
    static void read(const char* name, const Value& v, std::int64_t& out) {
        if (!v.isInteger())
            wrong(name, "an integer");
        out = v.integer();
    }
    template <typename Value> static void read(const char* name, const Value& v, int& out) {
        if (!v.isInteger())
            wrong(name, "an integer");
        out = static_cast<int>(v.integer());
    }
    template <typename Value> static void read(const char* name, const Value& v, double& out) {
        if (!v.isNumber())
            wrong(name, "a number");
        out = v.number();
    }
    template <typename Value> static void read(const char*, const Value& v, json& out) {
        out = v.tree();
    }
    template <typename Value, typename V>
    static void read(const char* name, const Value& v, std::optional<V>& out) {
        if (v.isNull()) {
            out.reset();
            return;
        }
        V value{};
        read(name, v, value);
        out = std::move(value);
    }

    const Doc& doc_;
};

inline constexpr Need kReq = Need::Required;
inline constexpr Need kOpt = Need::Optional;
inline constexpr Need kUnlessEmpty = Need::UnlessEmpty;

// Each kind's members, listed once for both directions: `visit(name, member, need)`. Required are
// the links that file a record (its attempt, its person, its answer, its blob) and what it is
// about; the uuid repeats the envelope's record id (the server's key), so it may be absent, except
// an attempt's, which its other records name.
inline void membersOf(BeneficiaryPayload& p, auto&& visit) {
    visit("uuid", p.uuid, kOpt);
    visit("code", p.code, kReq);
    visit("firstName", p.firstName, kOpt);
    visit("consentAtMs", p.consentAtMs, kOpt);
    visit("createdAtMs", p.createdAtMs, kOpt);
}

inline void membersOf(ConsentPayload& p, auto&& visit) {
    visit("uuid", p.uuid, kOpt);
    visit("code", p.code, kReq);
    visit("consentAtMs", p.consentAtMs, kReq);
}

inline void membersOf(AttemptPayload& p, auto&& visit) {
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

inline void membersOf(AttemptEventPayload& p, auto&& visit) {
    visit("uuid", p.uuid, kOpt);
    visit("attemptUuid", p.attemptUuid, kReq);
    visit("event", p.event, kReq);
    visit("atMs", p.atMs, kOpt);
    visit("result", p.result, kUnlessEmpty);
}

inline void membersOf(ResponsePayload& p, auto&& visit) {
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

inline void membersOf(ManualScorePayload& p, auto&& visit) {
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

inline void membersOf(NotePayload& p, auto&& visit) {
    visit("uuid", p.uuid, kOpt);
    visit("code", p.code, kReq);
    visit("attemptUuid", p.attemptUuid, kOpt);
    visit("trainer", p.trainer, kOpt);
    visit("atMs", p.atMs, kOpt);
    visit("kind", p.kind, kOpt);
    visit("text", p.text, kReq);
}

inline void membersOf(RecordingPayload& p, auto&& visit) {
    visit("uuid", p.uuid, kOpt);
    visit("responseUuid", p.responseUuid, kReq);
    visit("attemptUuid", p.attemptUuid, kReq);
    visit("recording", p.recording, kOpt);
    visit("sha256", p.sha256, kReq);
    visit("size", p.size, kReq);
}

// What a member's list cannot say: rubric points are an object.
template <typename T> void checkRead(const T&) {}
inline void checkRead(const ManualScorePayload& p) {
    if (!p.points.is_object())
        throw Problem{"points: must be an object"};
}

template <typename T, typename Doc> Read<T> readAs(const Doc& doc) {
    try {
        Fields<Doc> f(doc);
        T out;
        membersOf(out, [&](const char* name, auto& v, Need need) { f.take(name, v, need); });
        checkRead(out);
        return {std::move(out), {}};
    } catch (const Problem& p) {
        return {std::nullopt, p.reason};
    }
}

// Reads `doc` (an object) as the alternative of Payload whose kind is `kind`; false when no kind
// is (out unchanged).
template <typename Doc, std::size_t I = 0>
bool readKind(const std::string& kind, const Doc& doc, Read<Payload>& out) {
    if constexpr (I == std::variant_size_v<Payload>) {
        return false;
    } else {
        using T = std::variant_alternative_t<I, Payload>;
        if (kind != T::kKind)
            return readKind<Doc, I + 1>(kind, doc, out);
        auto read = readAs<T>(doc);
        if (read.value)
            out.value = std::move(*read.value);
        out.error = std::move(read.error);
        return true;
    }
}

} // namespace repere::outbox::reading
