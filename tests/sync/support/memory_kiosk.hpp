// An in-memory kiosk (outbox + sync state) with the semantics of store::Database, for client
// tests that need thousands of kiosks or a crash between two calls; the database-backed kiosk
// is exercised by the end-to-end tests through `repere sync`.
#pragma once

#include "store/outbox.hpp"
#include "sync/client/kiosk_state.hpp"
#include "sync/protocol/digest.hpp"

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

namespace repere::test {

class MemoryKiosk final : public store::Outbox, public sync::KioskSyncState {
public:
    // Adds `count` response records (what storeResponse would write to the outbox).
    void addResponses(int count, const std::string& prefix = "") {
        std::lock_guard lock(m_);
        for (int k = 0; k < count; ++k) {
            Row r;
            r.rec.seq = ++lastSeq_;
            r.rec.recordId =
                (prefix.empty() ? sync::newUuid() : prefix + "-" + std::to_string(r.rec.seq));
            r.rec.kind = "response";
            r.rec.payload = nlohmann::json{{"uuid", r.rec.recordId},
                                           {"attemptUuid", "att-" + std::to_string(r.rec.seq / 20)},
                                           {"itemId", "item-" + std::to_string(r.rec.seq % 20)},
                                           {"itemRev", 1},
                                           {"answer", {{"choice", "b"}}},
                                           {"score", 1.0},
                                           {"maxScore", 1.0},
                                           {"status", "ok"},
                                           {"durationMs", 4200},
                                           {"plays", 1},
                                           {"answeredAtMs", 1700000000000 + r.rec.seq}}
                                .dump();
            r.rec.sha256 = sync::sha256Hex(r.rec.payload);
            r.rec.createdAtMs = 1700000000000 + r.rec.seq;
            rows_.push_back(r);
        }
    }
    // Adds one record with this payload (e.g. one too large for any batch).
    void addRecord(const std::string& recordId, const std::string& payload) {
        std::lock_guard lock(m_);
        Row r;
        r.rec.seq = ++lastSeq_;
        r.rec.recordId = recordId;
        r.rec.kind = "note";
        r.rec.payload = payload;
        r.rec.sha256 = sync::sha256Hex(payload);
        r.rec.createdAtMs = 1700000000000 + r.rec.seq;
        rows_.push_back(r);
    }
    std::map<std::string, std::string> setAsideReasons() {
        std::lock_guard lock(m_);
        std::map<std::string, std::string> out;
        for (const auto& r : rows_)
            if (r.setAside)
                out[r.rec.recordId] = r.reason;
        return out;
    }
    std::vector<std::string> recordIds() {
        std::lock_guard lock(m_);
        std::vector<std::string> ids;
        for (const auto& r : rows_)
            ids.push_back(r.rec.recordId);
        return ids;
    }
    std::int64_t ackedCount() {
        std::lock_guard lock(m_);
        std::int64_t n = 0;
        for (const auto& r : rows_)
            n += r.acked;
        return n;
    }
    // Tests: corrupt the payload of an unsent record (same id, other content).
    void rewritePayload(std::size_t index, const std::string& answer) {
        std::lock_guard lock(m_);
        auto& rec = rows_.at(index).rec;
        auto j = nlohmann::json::parse(rec.payload);
        j["answer"] = answer;
        rec.payload = j.dump();
        rec.sha256 = sync::sha256Hex(rec.payload);
    }
    void forgetAcks() { // a kiosk restored from an old backup
        std::lock_guard lock(m_);
        for (auto& r : rows_) {
            r.acked = false;
            r.rec.batchId.reset();
        }
    }

    // --- store::Outbox
    std::optional<std::string> openBatchId() override {
        std::lock_guard lock(m_);
        for (const auto& r : rows_)
            if (!r.acked && !r.setAside && r.rec.batchId)
                return r.rec.batchId;
        return std::nullopt;
    }
    std::vector<store::OutboxRecord> batchRecords(const std::string& batchId) override {
        std::lock_guard lock(m_);
        std::vector<store::OutboxRecord> out;
        for (const auto& r : rows_)
            if (!r.acked && !r.setAside && r.rec.batchId == batchId)
                out.push_back(r.rec);
        return out;
    }
    std::vector<store::OutboxRecord> assignNextBatch(const std::string& batchId,
                                                     std::size_t maxRecords,
                                                     std::size_t maxBytes) override {
        std::lock_guard lock(m_);
        std::vector<store::OutboxRecord> out;
        std::size_t bytes = 0;
        for (auto& r : rows_) {
            if (r.acked || r.setAside || r.rec.batchId)
                continue;
            if (out.size() >= maxRecords ||
                (!out.empty() && bytes + r.rec.payload.size() > maxBytes))
                break;
            r.rec.batchId = batchId;
            bytes += r.rec.payload.size();
            out.push_back(r.rec);
        }
        return out;
    }
    void markAcknowledged(const std::string& batchId,
                          const std::vector<std::string>& ids) override {
        std::lock_guard lock(m_);
        for (auto& r : rows_)
            if (r.rec.batchId == batchId)
                for (const auto& id : ids)
                    if (id == r.rec.recordId)
                        r.acked = true;
    }
    std::int64_t pendingCount() override {
        std::lock_guard lock(m_);
        std::int64_t n = 0;
        for (const auto& r : rows_)
            n += !r.acked && !r.setAside;
        return n;
    }
    void setAside(std::int64_t seq, const std::string& reason) override {
        std::lock_guard lock(m_);
        for (auto& r : rows_)
            if (r.rec.seq == seq && !r.acked) {
                r.setAside = true;
                r.reason = reason;
                r.rec.batchId.reset();
            }
    }

    std::int64_t lastAcknowledgedSeq() override {
        std::lock_guard lock(m_);
        std::int64_t seq = 0;
        for (const auto& r : rows_)
            if (r.acked)
                seq = std::max(seq, r.rec.seq);
        return seq;
    }
    std::int64_t requeueAcknowledgedAfter(std::int64_t seq) override {
        std::lock_guard lock(m_);
        std::int64_t n = 0;
        for (auto& r : rows_)
            if (r.acked && r.rec.seq > seq) {
                r.acked = false;
                r.rec.batchId.reset();
                ++n;
            }
        return n;
    }

    // --- sync::KioskSyncState
    std::optional<std::string> value(const std::string& key) override {
        std::lock_guard lock(m_);
        auto it = values_.find(key);
        return it == values_.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    void setValue(const std::string& key, const std::string& v) override {
        std::lock_guard lock(m_);
        values_[key] = v;
    }
    void applyCatalog(const sync::CatalogApplication& c) override {
        std::lock_guard lock(m_);
        for (const auto& q : c.quizzes)
            quizzes_.push_back(q);
        for (const auto& t : c.trainers)
            trainers_[t.name] = t;
        values_[sync::key::kCatalogVersion] = std::to_string(c.version);
    }
    std::vector<sync::InstalledQuiz> installedQuizzes() override {
        std::lock_guard lock(m_);
        return quizzes_;
    }
    std::map<std::string, sync::CatalogTrainer> trainers() {
        std::lock_guard lock(m_);
        return trainers_;
    }

private:
    struct Row {
        store::OutboxRecord rec;
        bool acked = false;
        bool setAside = false;
        std::string reason;
    };
    std::mutex m_;
    std::int64_t lastSeq_ = 0;
    std::vector<Row> rows_;
    std::map<std::string, std::string> values_;
    std::vector<sync::InstalledQuiz> quizzes_;
    std::map<std::string, sync::CatalogTrainer> trainers_;
};

} // namespace repere::test
