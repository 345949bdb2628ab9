// Reads a batch's payloads for ingest (the typed record's checks, the record's keys, what the
// summaries need), which asks for them in batch order (`at(k)`). The text is parsed with
// simdjson and read through the outbox's member lists (outbox/payload_reading.hpp): 0.1 µs of
// parsing a response where nlohmann's tree took 2.8 µs (bench/sync/README.md), at ingest as long
// as PostgreSQL took to store the row.
//
// With SQLite the rows are stored by ingest's own thread, so reading them there adds to every
// batch: `Threaded` reads them on a thread of its own, one record ahead, while the rows before are
// stored (bench/sync/README.md: SQLite ingest from 0.65 to 0.71 of a plain insert, medians of
// five). With PostgreSQL the server process stores the rows while ingest reads the next ones
// already; a third busy thread on a 2-core machine only takes CPU from that process, so `Inline`
// reads each record when asked.
//
// Reading needs no database, so the answers serve every try of the batch's transaction. The reader
// thread stops and is joined when the pipeline is destroyed, whatever the ingest was doing.
#pragma once

#include "outbox/payloads.hpp"
#include "sync/protocol/wire.hpp"
#include "sync/server/schema.hpp"

#include <atomic>
#include <cstddef>
#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace repere::sync::server {

struct ReadRecord {
    // The typed record, when the payload reads as its kind's.
    std::optional<outbox::Payload> typed;
    // The JSON tree of an attempt's or a status event's payload, which the summaries read as
    // JSON (attempt_summary.hpp); null for the other kinds and for text that is not an object.
    nlohmann::json tree;
    // Empty when the payload reads as its kind's typed record, or the kind is not one this
    // server knows, or the text is not a JSON object (stored as it is); else why it does not
    // read ("attemptUuid: missing"), and the record is quarantined.
    std::string unreadable;
    RecordKeys keys;
};

class PayloadPipeline {
public:
    enum class Mode { Threaded, Inline };
    PayloadPipeline(const std::vector<WireRecord>& records, Mode mode);
    PayloadPipeline(std::vector<WireRecord>&& records, Mode mode) = delete; // held by reference
    // jthread's destructor asks the reader to stop, then joins it: no thread outlives the batch.
    ~PayloadPipeline() = default;
    PayloadPipeline(const PayloadPipeline&) = delete;
    PayloadPipeline& operator=(const PayloadPipeline&) = delete;

    // Record k, read (Inline: read now if not yet; Threaded: waits for the reader if it is not
    // there yet). Once reading a record threw, every call rethrows that (the batch fails).
    const ReadRecord& at(std::size_t k);

private:
    void run(std::stop_token stop);

    const std::vector<WireRecord>& records_;
    std::vector<ReadRecord> read_;
    std::vector<bool> inlineDone_; // Inline: which records are read
    std::exception_ptr failure_;
    std::atomic<std::size_t> ready_{0}; // records [0, ready_) are read
    std::jthread reader_;
};

// What the reader does for one record (also the whole reading for a caller without a thread).
ReadRecord readRecord(const WireRecord& record);

} // namespace repere::sync::server
