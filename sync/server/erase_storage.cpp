// SqlStorage::eraseBeneficiary (issue 14, point 9). Records are JSON payloads keyed by kind: the
// code is in the "code" field of beneficiary, consent, attempt and note records; responses,
// attempt events and manual scores name the attempt ("attemptUuid"). The payloads are read and
// matched here, in C++, so one code path serves SQLite and PostgreSQL (their JSON SQL differs).
#include "sync/server/attempt_summary.hpp"
#include "sync/server/sql.hpp"
#include "sync/server/sql_storage.hpp"

#include <nlohmann/json.hpp>
#include <set>

namespace repere::sync::server {

namespace {

std::string field(const nlohmann::json& j, const char* key) {
    if (j.is_object()) {
        auto it = j.find(key);
        if (it != j.end() && it->is_string())
            return it->get<std::string>();
    }
    return {};
}

} // namespace

std::int64_t SqlStorage::eraseBeneficiary(const std::string& code, const std::string& display,
                                          const AuditEntry& entry) {
    std::int64_t deleted = 0;
    db_->transact([&](SqlSession& s) {
        deleted = 0;
        const auto names = [&](const std::string& payload) {
            return payload.find(code) != std::string::npos ||
                   payload.find(display) != std::string::npos;
        };
        // The person's attempts, from the attempt records (and any record naming the code).
        // Read as plain JSON, not as typed payloads (kiosk/core/outbox): an erasure must also
        // find the records quarantined because their payload does not read.
        std::set<std::string> attempts;
        const auto records = s.query("SELECT record_id, kind, payload, blob_sha256 FROM records");
        for (const auto& r : records) {
            const auto j = nlohmann::json::parse(toText(r[2]), nullptr, false);
            if (toText(r[1]) == "attempt" && field(j, "code") == code)
                attempts.insert(field(j, "uuid").empty() ? toText(r[0]) : field(j, "uuid"));
        }
        const auto belongs = [&](const std::string& id, const std::string& payload) {
            if (names(payload) || attempts.count(id))
                return true;
            const auto j = nlohmann::json::parse(payload, nullptr, false);
            return attempts.count(field(j, "attemptUuid")) > 0;
        };
        std::set<std::string> voices; // recordings the erased records declared
        for (const auto& r : records)
            if (belongs(toText(r[0]), toText(r[2]))) {
                deleted += s.exec("DELETE FROM records WHERE record_id = $1", {toText(r[0])});
                if (r[3])
                    voices.insert(toText(r[3]));
            }
        // Their recordings go too, unless another (remaining) record declares the same bytes.
        for (const auto& sha : voices) {
            if (!s.query("SELECT 1 FROM records WHERE blob_sha256 = $1", {sha}).empty())
                continue;
            s.exec("DELETE FROM upload_chunks WHERE sha256 = $1", {sha});
            s.exec("DELETE FROM uploads WHERE sha256 = $1", {sha});
        }
        forgetAttemptSummaries(s, {attempts.begin(), attempts.end()});
        for (const auto& r : s.query("SELECT id, record_id, payload FROM conflicts"))
            if (belongs(toText(r[1]), toText(r[2])))
                deleted += s.exec("DELETE FROM conflicts WHERE id = $1", {toInt(r[0])});
        s.exec("INSERT INTO audit (at, event, device_id, detail) VALUES ($1, $2, $3, $4)",
               {entry.atMs, entry.event,
                entry.deviceId.empty() ? SqlValue() : SqlValue(entry.deviceId), entry.detail});
    });
    db_->compact();
    return deleted;
}

// Audit retention (issue 14, point 9), beside erasure: the other way personal traces leave.
std::int64_t SqlStorage::purgeAuditBefore(std::int64_t cutoffMs) {
    std::int64_t n = 0;
    db_->transact(
        [&](SqlSession& s) { n = s.exec("DELETE FROM audit WHERE at < $1", {cutoffMs}); });
    return n;
}

} // namespace repere::sync::server
