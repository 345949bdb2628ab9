// The payload of each kind of outbox record, typed, with its JSON form: the one definition that
// the kiosk's store (the writer), the sync client and the server (the readers) share (issue 15).
//
// Why a room of its own (kiosk/core/outbox, library repere_outbox) and not sync/protocol: the
// store writes these records inside its transactions, and the core may not know sync (the kiosk's
// core builds and runs without it); sync/protocol may not know the store (the wire format stands
// alone, and the server must not drag SQLite in). So the payloads sit below both, knowing only
// nlohmann/json; docs/architecture.md, "Rooms and what each may know".
//
// Wire compatibility: a payload is hashed and stored as the kiosk sent it; nobody re-serialises a
// received payload. toJson writes exactly the members kiosks have always written (nlohmann::json
// keeps object keys sorted, so the text is the same byte for byte; tests/core/outbox_payloads_test
// compares it with records of the shipped fixtures).
//
// Reading (fromJson) is strict about what a record cannot do without: the links that file it and
// what it is about (the required fields below; the uuid repeats the envelope's record id). A
// required field missing, or any field of the wrong type, is an error naming the field
// ("attemptUuid: missing"); the server quarantines such a record with that reason. Other members
// fall back to their defaults when absent, as every reader did.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

namespace repere::outbox {

// The record kinds, as they travel in WireRecord::kind and sit in the outbox's and the server's
// `kind` columns. Nothing else is written by a kiosk (the audit log stays on the kiosk).
namespace kind {
inline constexpr const char* kBeneficiary = "beneficiary";
inline constexpr const char* kConsent = "consent";
inline constexpr const char* kAttempt = "attempt";
inline constexpr const char* kAttemptEvent = "attempt_event";
inline constexpr const char* kResponse = "response";
inline constexpr const char* kManualScore = "manual_score";
inline constexpr const char* kNote = "note";
inline constexpr const char* kRecording = "recording";
} // namespace kind

// A person registered on the kiosk. Required: code.
struct BeneficiaryPayload {
    static constexpr const char* kKind = kind::kBeneficiary;
    std::string uuid; // the record id, as in every kind
    std::string code; // canonical beneficiary code
    std::optional<std::string> firstName;
    std::optional<std::int64_t> consentAtMs;
    std::int64_t createdAtMs = 0;
    bool operator==(const BeneficiaryPayload&) const = default;
};

// Consent given later by a person already registered. Required: code, consentAtMs.
struct ConsentPayload {
    static constexpr const char* kKind = kind::kConsent;
    std::string uuid;
    std::string code;
    std::int64_t consentAtMs = 0;
    bool operator==(const ConsentPayload&) const = default;
};

// An attempt started. Required: uuid (the attempt's, also the record id). Its quiz version also
// travels in the envelope (WireRecord::quizId): the server quarantines versions it has not
// published.
struct AttemptPayload {
    static constexpr const char* kKind = kind::kAttempt;
    std::string uuid;
    std::string code;
    std::string quizId;
    std::string quizVersion;
    std::string quizHash;
    std::string kioskId;
    std::int64_t seed = 0;
    std::string locale = "fr";
    std::int64_t startedAtMs = 0;
    bool operator==(const AttemptPayload&) const = default;
};

// An attempt paused, resumed, finished or abandoned. Required: attemptUuid, event.
struct AttemptEventPayload {
    static constexpr const char* kKind = kind::kAttemptEvent;
    std::string uuid;
    std::string attemptUuid;
    std::string event; // "paused" | "resumed" | "finished" | "abandoned"
    std::int64_t atMs = 0;
    // engine::AttemptResult's JSON (engine/attempt_result.hpp: attemptResultFromJson), kept as
    // JSON here because this room may not know the engine; null: the event carries none.
    nlohmann::json result;
    bool operator==(const AttemptEventPayload&) const = default;
};

// One answer (engine::Response). Required: attemptUuid, itemId.
struct ResponsePayload {
    static constexpr const char* kKind = kind::kResponse;
    std::string uuid;
    std::string attemptUuid;
    int sequence = 0;
    std::string sectionId;
    std::string itemId;
    int itemRev = 1;
    nlohmann::json answer;
    double score = 0.0;
    double maxScore = 0.0;
    std::string status; // engine::toString(ResponseStatus); "" when absent
    std::int64_t durationMs = 0;
    int plays = 0;
    std::int64_t answeredAtMs = 0;
    bool operator==(const ResponsePayload&) const = default;
};

// A trainer's rubric score of a written or spoken answer, from a kiosk or the back office; the
// catalogue sends the same fields down (sync/protocol/wire.hpp, CatalogScore). Required:
// responseUuid.
struct ManualScorePayload {
    static constexpr const char* kKind = kind::kManualScore;
    std::string uuid;
    std::string responseUuid;
    std::string attemptUuid;
    std::string trainer;
    std::int64_t atMs = 0;
    nlohmann::json points = nlohmann::json::object(); // rubric criterion -> points ({}: a total)
    double score = 0.0;
    double maxScore = 0.0;
    std::string origin = {}; // "backoffice" for a score given there; "" (not written) for a kiosk's
    bool operator==(const ManualScorePayload&) const = default;
};

// A trainer's note or agreed next step. Required: code, text.
struct NotePayload {
    static constexpr const char* kKind = kind::kNote;
    std::string uuid;
    std::string code;
    std::optional<std::string> attemptUuid; // written as null when the note is not an attempt's
    std::string trainer;
    std::int64_t atMs = 0;
    std::string kind = "note"; // "note" | "next_step"
    std::string text;
    bool operator==(const NotePayload&) const = default;
};

// The file of a spoken answer, declared before its bytes are uploaded (wire.hpp, blobs).
// Required: responseUuid, attemptUuid, sha256, size (the blob this device may then upload).
struct RecordingPayload {
    static constexpr const char* kKind = kind::kRecording;
    std::string uuid;
    std::string responseUuid;
    std::string attemptUuid;
    std::string recording; // "rec/<uuid>.ogg", relative to the kiosk's data folder
    std::string sha256;
    std::int64_t size = 0;
    bool operator==(const RecordingPayload&) const = default;
};

using Payload =
    std::variant<BeneficiaryPayload, ConsentPayload, AttemptPayload, AttemptEventPayload,
                 ResponsePayload, ManualScorePayload, NotePayload, RecordingPayload>;

// The kind a payload travels as.
const char* kindOf(const Payload& p);
// The record id (every kind's uuid).
const std::string& recordIdOf(const Payload& p);
// The attempt the record belongs to ("" for a beneficiary, a consent, a note of no attempt).
std::string attemptUuidOf(const Payload& p);

nlohmann::json toJson(const BeneficiaryPayload& p);
nlohmann::json toJson(const ConsentPayload& p);
nlohmann::json toJson(const AttemptPayload& p);
nlohmann::json toJson(const AttemptEventPayload& p);
nlohmann::json toJson(const ResponsePayload& p);
nlohmann::json toJson(const ManualScorePayload& p);
nlohmann::json toJson(const NotePayload& p);
nlohmann::json toJson(const RecordingPayload& p);
nlohmann::json toJson(const Payload& p);

// A payload read, or the reason it could not be: "<field>: missing", "<field>: must be a string".
template <typename T> struct Read {
    std::optional<T> value;
    std::string error;
    bool ok() const { return value.has_value(); }
};

// fromJson<T>(j): T read from a payload's JSON (an object), strictly as said at the top.
template <typename T> Read<T> fromJson(const nlohmann::json& j);

// The payload of type T (T::kKind) read from a record of kind `kind`: nothing when the record is
// of another kind or does not read (the server quarantined it at ingest, with the reason).
template <typename T> std::optional<T> payloadAs(const std::string& kind, const std::string& text);

// Reads a payload of kind `kind` from its text. An unknown kind reads as nothing with an empty
// error (a newer kiosk's kind is not this reader's to judge); text that is not a JSON object, a
// required field missing or a mistyped field are errors.
Read<Payload> readPayload(const std::string& kind, const std::string& text);
Read<Payload> readPayload(const std::string& kind, const nlohmann::json& doc);
bool isKnownKind(const std::string& kind);

} // namespace repere::outbox
