// The kiosk's sync client: enrolment, push of the outbox, pull of the catalogue.
//
// Rules it keeps (docs/architecture.md, "The walk of one answer"):
//  - a batch id is saved with its records (Outbox::assignNextBatch) before anything is sent and
//    is reused as is on every retry, so the server can answer a replay with the same reply;
//  - records are marked acknowledged only from a well-formed reply that names them; anything
//    else (HTML from a captive portal, a redirect, a truncated body) fails the round;
//  - a catalogue is fully downloaded, hash-checked and validated before one transaction makes
//    it current; quiz versions live in their own folders, so attempts in progress keep theirs.
// Used by `repere sync` / `repere enrol` and by the kiosk's background sync thread.
#pragma once

#include "store/outbox.hpp"
#include "store/recording_uploads.hpp"
#include "sync/client/http_transport.hpp"
#include "sync/client/kiosk_state.hpp"
#include "sync/client/retry.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace repere::sync {

struct EnrolResult {
    bool ok = false;
    std::string error;
    SyncErrorKind errorKind = SyncErrorKind::None; // CodeRefused: unknown, used or expired code
    std::string deviceId;
    std::string agency;
};

struct PushReport {
    bool ok = false;
    std::string error;
    SyncErrorKind errorKind = SyncErrorKind::None;
    std::int64_t batches = 0;
    std::int64_t stored = 0;
    std::int64_t duplicates = 0;
    std::int64_t conflicts = 0;
    std::int64_t quarantined = 0;
    std::int64_t setAside = 0; // records too large for any batch, kept aside on the kiosk
    std::int64_t pending = 0;  // left on the kiosk after the round
    std::int64_t bytesSent = 0;
    // Acknowledged records sent again because the server's cursor was behind (it lost them).
    std::int64_t resent = 0;
    // Recorded answers (when the client has SyncClient::recordings): files the server confirmed
    // in this round, and files still to upload after it (a budget spent, a refusal).
    std::int64_t recordingsUploaded = 0;
    std::int64_t recordingsWaiting = 0;
    // Files the server said no record of this device declares (403 not_referenced: enrolled
    // again as a new device, or records lost) and that were declared again, then sent.
    std::int64_t recordingsRedeclared = 0;
    std::int64_t pushed() const { return stored + quarantined + conflicts; }
};

struct PullReport {
    bool ok = false;
    std::string error;
    SyncErrorKind errorKind = SyncErrorKind::None;
    std::int64_t version = 0;
    std::int64_t quizzesInstalled = 0;
    std::int64_t trainersUpdated = 0;
    std::int64_t scoresReceived = 0; // manual scores given in the back office
    // Packages refused as a whole for their names or hashes (catalogQuizProblem), with why;
    // nothing of them was written. The rest of the catalogue is still applied.
    std::vector<std::string> refused;
};

struct RoundReport {
    PushReport push;
    PullReport pull;
    bool ok() const { return push.ok && pull.ok; }
    std::string error() const { return !push.ok ? push.error : pull.error; }
    SyncErrorKind errorKind() const {
        return ok() ? SyncErrorKind::None : !push.ok ? push.errorKind : pull.errorKind;
    }
};

// Validates an unpacked quiz package; returns the errors (empty = usable).
using PackageValidator =
    std::function<std::vector<std::string>(const std::filesystem::path& folder)>;

struct ClientHooks {
    std::function<void(const std::string& line)> progress; // human-readable progress lines
    // Records acknowledged so far in this push (after each batch): the kiosk's progress bar.
    std::function<void(std::int64_t acknowledged)> acknowledged;
    // Set by the kiosk's background worker: cancelling it stops the round between batches and
    // cuts the request in flight (nothing is marked without a well-formed reply, so it is safe).
    std::shared_ptr<CancelToken> cancel;
    // Tests: called after a well-formed reply and before marking (throw to simulate a crash).
    std::function<void(const std::string& batchId)> beforeMarkAcknowledged;
    // Tests: called after each catalogue file is written to the staging folder.
    std::function<void(const std::string& path)> afterCatalogFile;
};

class SyncClient {
public:
    // dataDir: where pulled quiz packages go (dataDir/catalog/<id>/<version>-<hash>/).
    SyncClient(store::Outbox& outbox, KioskSyncState& state, std::filesystem::path dataDir,
               ClientHooks hooks = {});

    // Trades a one-time code for a device identity and saves it (replacing an earlier one: a
    // re-enrolled kiosk keeps its pending records and sends them under the new identity).
    static EnrolResult enrol(KioskSyncState& state, const std::string& serverUrl,
                             const std::string& code, const std::string& deviceName,
                             const std::string& caFile = {});

    bool enrolled();
    PushReport push();
    PullReport pullCatalog(const PackageValidator& validate);
    // push then pull; saves last round / success / error in the kiosk state.
    RoundReport round(const PackageValidator& validate, std::int64_t nowMs);

    // Uploads a file as a blob, resuming where the server stopped; true when complete there.
    bool uploadBlob(const std::filesystem::path& file, std::string& error);

    // Recorded answers to declare and upload after the records of each push (issue 18);
    // nullptr: records only (the kiosk's database sets it; old callers and tests need not).
    store::RecordingUploads* recordings = nullptr;
    std::size_t blobChunkBytes = kBlobChunkBytes; // tests: smaller chunks, more cuts

    std::size_t maxBatchRecords = kMaxBatchRecords;
    std::size_t maxBatchBytes = 768 * 1024; // payload bytes per batch; gzip keeps it under 1 MiB
    // Each request of a round is sent again after a failure of the link (retry.hpp).
    RetryPolicy retry;

private:
    std::optional<HttpTransport> transport(SyncError& error);
    // Hashes each new recording and writes its "recording" record (before the batches go).
    void declareRecordings();
    // Uploads the recordings whose record was acknowledged; nothing or why the round failed.
    // The outbox in batches until it is empty (or a failure).
    SyncError sendBatches(const HttpTransport& t, PushReport& rep);
    // `redeclare`: a file refused as not_referenced is declared again (counted in
    // rep.recordingsRedeclared) for the caller to send; without it, the refusal is only logged.
    SyncError uploadRecordings(const HttpTransport& t, PushReport& rep, bool redeclare);
    // Sends `data` under its sha256 from where the server stopped, with the round's retries.
    // Nothing when the server has it whole; else why, and `refusal` = the server's error code
    // when it refused (not_referenced, upload_budget, sha256_mismatch...).
    SyncError sendBlob(const HttpTransport& t, const std::string& data, const std::string& sha,
                       std::string& refusal);
    void say(const std::string& line) const;
    bool cancelled() const;
    // Sends, then sends again while the outcome fails `good` and retry.hpp says it may help.
    HttpOutcome sendRetried(const std::function<HttpOutcome()>& send,
                            const std::function<bool(const HttpOutcome&)>& good,
                            const std::string& what);

    store::Outbox& outbox_;
    KioskSyncState& state_;
    std::filesystem::path dataDir_;
    ClientHooks hooks_;
};

} // namespace repere::sync
