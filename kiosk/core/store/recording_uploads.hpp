// Recorded spoken answers on their way to the server (issue 18), the contract between storage
// and sync like outbox.hpp. A round of the sync client:
//   1. declares each new recording: its sha256 and size go to the server as a "recording" record
//      (outbox, after the response that names the file), which is what lets this kiosk upload it;
//   2. once that record is acknowledged, uploads the file by sha256 in resumable chunks;
//   3. marks it confirmed when the server says the whole file arrived and hashed right.
// The retention rule deletes a recording only once confirmed that long ago (retention_rules.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace repere::store {

struct RecordingToDeclare {
    std::string responseUuid;
    std::string attemptUuid;
    std::string path; // as the answer names it: "rec/<uuid>.ogg", relative to the data folder
};

// What the declaration found on disk: nullopt when the file is missing or unusable (nothing to
// send, nothing the kiosk will ever delete).
struct RecordingBlob {
    std::string sha256;
    std::int64_t size = 0;
};

struct RecordingUpload {
    std::string path;
    std::string sha256;
    std::int64_t size = 0;
};

// Implemented by store::Database (recordings.cpp).
class RecordingUploads {
public:
    virtual ~RecordingUploads() = default;
    // Spoken answers whose recording was never declared, oldest first.
    virtual std::vector<RecordingToDeclare> undeclaredRecordings() = 0;
    // Remembers the declaration and, with a blob, writes its "recording" outbox record, in one
    // transaction.
    virtual void declareRecording(const RecordingToDeclare& recording,
                                  const std::optional<RecordingBlob>& blob) = 0;
    // Declared files whose record the server acknowledged and whose bytes it has not confirmed
    // (one row per file, however many answers name it).
    virtual std::vector<RecordingUpload> recordingsToUpload() = 0;
    // The server has the whole file and its sha256 matched.
    virtual void confirmRecording(const std::string& sha256) = 0;
    // The server answered 403 not_referenced for this file: no record of this device declares
    // it there (the kiosk was enrolled again as a new device, and its old records came back as
    // duplicates of the old device's; or the server lost them). Writes a new "recording" record
    // (a new id, so it is stored for this device) for each unconfirmed answer naming the file,
    // in one transaction; returns how many. The file uploads once that record is acknowledged.
    virtual std::int64_t redeclareRecording(const std::string& sha256) = 0;
};

} // namespace repere::store
