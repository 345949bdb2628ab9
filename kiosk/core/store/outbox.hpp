// Outbox: the contract between storage (writer) and sync (reader).
//
// Every record that leaves the kiosk (beneficiary, attempt, response, manual score, note, ...)
// is an append-only event written to the outbox in the same transaction as the record itself.
// Sync sends pending records in batches; a batch id is assigned (and saved) before sending and
// reused on retry, so the server can answer a replay with the same reply.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace repere::store {

struct OutboxRecord {
    std::int64_t seq = 0; // local, strictly increasing
    std::string recordId; // globally unique (uuid); the server's idempotency key
    std::string kind;     // one of outbox::kind (kiosk/core/outbox/payloads.hpp)
    std::string payload;  // the kind's typed payload as JSON text (outbox::toJson)
    std::string sha256;   // of payload, lowercase hex
    std::int64_t createdAtMs = 0;
    std::optional<std::string> batchId;
};

// Implemented by store::Database (the only place with SQL).
class Outbox {
public:
    virtual ~Outbox() = default;
    // The batch already assigned and not yet acknowledged, if any (resend it as is).
    virtual std::optional<std::string> openBatchId() = 0;
    virtual std::vector<OutboxRecord> batchRecords(const std::string& batchId) = 0;
    // Assigns up to maxRecords / maxBytes pending records to a new batch id and returns them.
    virtual std::vector<OutboxRecord>
    assignNextBatch(const std::string& batchId, std::size_t maxRecords, std::size_t maxBytes) = 0;
    // Marks the named records of the batch acknowledged (stored or duplicate on the server).
    virtual void markAcknowledged(const std::string& batchId,
                                  const std::vector<std::string>& recordIds) = 0;
    // Pending records, not counting those set aside.
    virtual std::int64_t pendingCount() = 0;
    // The highest seq acknowledged by the server (0 if none). Acknowledged rows stay in the
    // outbox until the retention purge removes them, so they can be sent again.
    virtual std::int64_t lastAcknowledgedSeq() = 0;
    // Makes the acknowledged records with a seq above `seq` pending again (the server lost them:
    // restored from an older copy); returns how many.
    virtual std::int64_t requeueAcknowledgedAfter(std::int64_t seq) = 0;
    // Sets a record aside (too large for any batch): it leaves its batch and is never offered
    // again, but stays in the outbox with the reason, for a human.
    virtual void setAside(std::int64_t seq, const std::string& reason) = 0;
};

} // namespace repere::store
