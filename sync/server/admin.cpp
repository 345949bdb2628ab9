#include "sync/server/admin.hpp"

#include "store/attempt_table.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/server_attempts.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <sstream>
#include <stdexcept>

namespace repere::sync::server {

namespace fs = std::filesystem;

std::string createEnrolCode(Storage& storage, const std::string& agency, std::int64_t nowMs,
                            int validHours) {
    if (agency.empty())
        throw std::runtime_error("--agency is required");
    // 15 symbols of a 32-letter alphabet without look-alikes (0/O, 1/I): 75 bits, easy to type.
    static const char* alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const std::string raw = randomHex(15);
    std::string code;
    for (std::size_t k = 0; k < 15; ++k) {
        const int v = std::stoi(raw.substr(2 * k, 2), nullptr, 16);
        code.push_back(alphabet[v % 32]);
        if (k % 5 == 4 && k != 14)
            code.push_back('-');
    }
    storage.createEnrolCode(sha256Hex(code), agency, nowMs,
                            nowMs + std::int64_t(validHours) * 3600 * 1000);
    storage.audit({nowMs, "enrol-code", "",
                   "agency=" + agency + " valid_hours=" + std::to_string(validHours)});
    return code;
}

PublishResult publishQuiz(Storage& storage, const fs::path& package, const QuizValidator& validate,
                          std::int64_t nowMs) {
    PublishResult result;
    fs::path dir = package;
    if (fs::is_regular_file(dir) && dir.filename() == "quiz.json")
        dir = dir.parent_path();
    if (!fs::is_directory(dir) || !fs::exists(dir / "quiz.json")) {
        result.errors.push_back(package.string() + ": not a package folder (no quiz.json)");
        return result;
    }
    result.errors = validate(dir, result.quiz.id, result.quiz.version);
    if (!result.errors.empty())
        return result;
    if (!isValidId(result.quiz.id) || !isValidId(result.quiz.version)) {
        result.errors.push_back(dir.string() + ": id or version unusable as a catalogue key");
        return result;
    }

    std::vector<CatalogFile> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file())
            continue;
        const std::string rel = fs::relative(entry.path(), dir).generic_string();
        if (rel.empty() || rel.front() == '.' || rel.find("/.") != std::string::npos)
            continue; // dot files
        std::ifstream in(entry.path(), std::ios::binary);
        std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (data.size() > kMaxBlobBytes) {
            result.errors.push_back(entry.path().string() + ": file above 64 MiB");
            return result;
        }
        const std::string sha = sha256Hex(data);
        // Stored apart from device uploads (storage.hpp): no device can pre-empt this file.
        storage.storePackageFile(sha, data, nowMs);
        files.push_back({rel, sha, static_cast<std::int64_t>(data.size())});
    }
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
    std::string manifest;
    for (const auto& f : files)
        manifest += f.path + "\t" + f.sha256 + "\n";
    result.quiz.sha256 = sha256Hex(manifest);
    result.quiz.files = std::move(files);
    result.quiz.catalogVersion = storage.publishQuiz(result.quiz, nowMs);
    storage.audit({nowMs, "publish-quiz", "",
                   result.quiz.id + " " + result.quiz.version + " sha256=" + result.quiz.sha256});
    result.ok = true;
    return result;
}

std::string pinRefusal(const std::string& pin) {
    if (pin.find_first_not_of("0123456789") != std::string::npos)
        return "a PIN is made of digits only; nothing was saved";
    if (pin.size() < kMinPinDigits)
        return "a PIN needs at least " + std::to_string(kMinPinDigits) + " digits (got " +
               std::to_string(pin.size()) + "); nothing was saved";
    if (pin.size() > kMaxPinDigits)
        return "a PIN has at most " + std::to_string(kMaxPinDigits) + " digits; nothing was saved";
    return "";
}

std::int64_t addTrainer(Storage& storage, const std::string& agency, const std::string& name,
                        const std::string& pin, std::int64_t nowMs) {
    if (agency.empty())
        throw std::runtime_error("--agency is required: a trainer account belongs to one agency");
    if (name.empty())
        throw std::runtime_error("--name is required");
    if (const auto why = pinRefusal(pin); !why.empty())
        throw std::runtime_error(why);
    util::ensureSodium();
    // The hash travels to every kiosk of the agency: a stolen kiosk lets someone try all 10^6
    // six-digit PINs offline, so each try must be expensive: libsodium's MODERATE (3 passes,
    // 256 MiB; time per check in the README).
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_MODERATE,
                              crypto_pwhash_MEMLIMIT_MODERATE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing the PIN");
    Trainer t{name, hash, true, agency, nowMs};
    const auto version = storage.upsertTrainer(t, nowMs);
    sodium_memzero(hash, sizeof hash);
    storage.audit({nowMs, "add-trainer", "", "agency=" + agency + " name=" + name});
    return version;
}

std::optional<std::int64_t> removeTrainer(Storage& storage, const std::string& agency,
                                          const std::string& name, std::int64_t nowMs) {
    auto version = storage.removeTrainer(agency, name, nowMs);
    if (version)
        storage.audit({nowMs, "remove-trainer", "", "agency=" + agency + " name=" + name});
    return version;
}

bool revokeEnrolCode(Storage& storage, const std::string& codeOrId, std::int64_t nowMs) {
    // A listed id is lowercase hex; a code is what enrol-code printed (uppercase, dashes).
    const bool isId =
        !codeOrId.empty() && codeOrId.find_first_not_of("0123456789abcdef") == std::string::npos;
    const std::string key = isId ? codeOrId : sha256Hex(codeOrId);
    if (!storage.revokeEnrolCode(key, nowMs))
        return false;
    storage.audit({nowMs, "revoke-code", "", "id=" + key.substr(0, 12)});
    return true;
}

std::string csvField(const std::string& value) {
    if (value.find_first_of(",\"\n\r") == std::string::npos)
        return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

void exportRecordsCsv(Storage& storage, std::ostream& out, std::int64_t nowMs) {
    // Response columns follow engine::Response (kiosk export), then where the record came from.
    const std::vector<std::string> header = {
        "agency",  "device_id",      "record_id",     "kind",           "server_status",
        "quiz_id", "quiz_version",   "attempt_uuid",  "item_id",        "item_rev",
        "answer",  "score",          "max_score",     "status",         "duration_ms",
        "plays",   "answered_at_ms", "created_at_ms", "received_at_ms", "payload"};
    for (std::size_t k = 0; k < header.size(); ++k)
        out << (k ? "," : "") << header[k];
    out << "\n";
    const auto rows = storage.records();
    // Every record as received, quarantined ones and kinds this server does not know included:
    // the cells are the payload's own members, whatever its kind, so the payload is read as
    // plain JSON here rather than as a typed record (kiosk/core/outbox/payloads.hpp).
    auto get = [](const nlohmann::json& j, const char* key) -> std::string {
        auto it = j.find(key);
        if (it == j.end() || it->is_null())
            return "";
        return it->is_string() ? it->get<std::string>() : it->dump();
    };
    for (const auto& r : rows) {
        nlohmann::json p = nlohmann::json::parse(r.payload, nullptr, false);
        if (!p.is_object())
            p = nlohmann::json::object();
        const std::vector<std::string> cells = {r.agency,
                                                r.deviceId,
                                                r.recordId,
                                                r.kind,
                                                r.status,
                                                r.quizId,
                                                r.quizVersion,
                                                get(p, "attemptUuid"),
                                                get(p, "itemId"),
                                                get(p, "itemRev"),
                                                get(p, "answer"),
                                                get(p, "score"),
                                                get(p, "maxScore"),
                                                get(p, "status"),
                                                get(p, "durationMs"),
                                                get(p, "plays"),
                                                get(p, "answeredAtMs"),
                                                std::to_string(r.createdAtMs),
                                                std::to_string(r.receivedAtMs),
                                                r.payload};
        for (std::size_t k = 0; k < cells.size(); ++k)
            out << (k ? "," : "") << csvField(cells[k]);
        out << "\n";
    }
    storage.audit({nowMs, "export", "", "format=records rows=" + std::to_string(rows.size())});
}

std::size_t exportAttemptsCsv(Storage& storage, std::ostream& out, std::int64_t nowMs) {
    // The attempts as the back office reads them (server_attempts.hpp: typed payloads, the latest
    // status event wins), one row each with the agency and kiosk cells.
    std::vector<store::AttemptRow> rows;
    for (const auto& attempt : assembleAttempts(storage.records()))
        rows.push_back(attemptRow(attempt));
    const auto n = store::writeAttemptsCsv(rows, {"agence", "borne"}, out);
    storage.audit({nowMs, "export", "", "format=csv attempts=" + std::to_string(n)});
    return n;
}

std::int64_t applyAuditRetention(Storage& storage, int keepDays, std::int64_t nowMs) {
    if (keepDays < 0)
        return 0;
    const std::int64_t n =
        storage.purgeAuditBefore(nowMs - static_cast<std::int64_t>(keepDays) * 86'400'000);
    if (n > 0)
        storage.audit(
            {nowMs,
             "retention",
             {},
             std::to_string(n) + " audit lines older than " + std::to_string(keepDays) + " days"});
    return n;
}

} // namespace repere::sync::server
