#include "sync/client/sync_client.hpp"

#include "outbox/payloads.hpp"
#include "sync/client/checked_reply.hpp"
#include "sync/client/url_policy.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/protocol/gzip.hpp"
#include "sync/protocol/package_names.hpp"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>
#include <thread>

namespace repere::sync {

namespace fs = std::filesystem;

namespace {

WireRecord toWire(const store::OutboxRecord& r) {
    WireRecord w;
    w.recordId = r.recordId;
    w.kind = r.kind;
    w.seq = r.seq;
    w.payload = r.payload;
    w.sha256 = r.sha256;
    w.createdAtMs = r.createdAtMs;
    // Attempts name their quiz version; the server quarantines versions it has not published.
    if (const auto a = outbox::payloadAs<outbox::AttemptPayload>(r.kind, r.payload)) {
        w.quizId = a->quizId;
        w.quizVersion = a->quizVersion;
    }
    return w;
}
} // namespace

SyncClient::SyncClient(store::Outbox& outbox, KioskSyncState& state, fs::path dataDir,
                       ClientHooks hooks)
    : outbox_(outbox), state_(state), dataDir_(std::move(dataDir)), hooks_(std::move(hooks)) {}

HttpOutcome SyncClient::sendRetried(const std::function<HttpOutcome()>& send,
                                    const std::function<bool(const HttpOutcome&)>& good,
                                    const std::string& what) {
    thread_local std::mt19937 rng{std::random_device{}()};
    for (int retry = 0;; ++retry) {
        HttpOutcome out = send();
        if (good(out) || cancelled())
            return out;
        const auto delay = retryDelay(this->retry, out, retry, rng);
        if (!delay)
            return out;
        say(what + " failed (" + (out.reply ? describeFailure(*out.reply) : out.error) +
            "), trying again in " + std::to_string(delay->count()) + " ms");
        const bool waited = this->retry.sleep ? this->retry.sleep(*delay)
                            : hooks_.cancel   ? hooks_.cancel->sleepFor(*delay)
                                              : (std::this_thread::sleep_for(*delay), true);
        if (!waited || cancelled())
            return HttpOutcome{std::nullopt, "sync cancelled", SyncErrorKind::Cancelled};
    }
}

bool SyncClient::cancelled() const {
    return hooks_.cancel && hooks_.cancel->cancelled();
}

void SyncClient::say(const std::string& line) const {
    if (hooks_.progress)
        hooks_.progress(line);
}

EnrolResult SyncClient::enrol(KioskSyncState& state, const std::string& serverUrl,
                              const std::string& code, const std::string& deviceName,
                              const std::string& caFile) {
    EnrolResult r;
    // Also checked here, not only by the command line: no code leaves in clear (url_policy.hpp).
    if (std::string problem = enrolUrlProblem(serverUrl); !problem.empty()) {
        r.error = std::move(problem);
        r.errorKind = SyncErrorKind::Other;
        return r;
    }
    HttpTransport t(
        {serverUrl, caFile, "", std::chrono::seconds(10), std::chrono::seconds(30), nullptr});
    auto out = t.post(std::string(kApiPrefix) + "/enrol",
                      toJson(EnrolRequest{code, deviceName}).dump(), "application/json");
    auto reply = expect<EnrolReply>(out, parseEnrolReply);
    if (!reply.value) {
        r.error = reply.error;
        // At enrolment a refusal is about the code (the server's invalid_code), not a token.
        r.errorKind =
            reply.kind == SyncErrorKind::Refused ? SyncErrorKind::CodeRefused : reply.kind;
        return r;
    }
    state.setValue(key::kServerUrl, serverUrl);
    state.setValue(key::kCaFile, caFile);
    state.setValue(key::kDeviceId, reply.value->deviceId);
    state.setValue(key::kAgency, reply.value->agency);
    // The token last: an interrupted enrolment leaves no half identity that looks usable.
    state.setValue(key::kToken, reply.value->token);
    r.ok = true;
    r.deviceId = reply.value->deviceId;
    r.agency = reply.value->agency;
    return r;
}

bool SyncClient::enrolled() {
    auto token = state_.value(key::kToken);
    auto url = state_.value(key::kServerUrl);
    return token && !token->empty() && url && !url->empty();
}

std::optional<HttpTransport> SyncClient::transport(SyncError& error) {
    if (!enrolled()) {
        error = {SyncErrorKind::NotEnrolled,
                 "this kiosk is not enrolled (repere enrol --server URL --code CODE)"};
        return std::nullopt;
    }
    TransportOptions o;
    o.baseUrl = *state_.value(key::kServerUrl);
    o.caFile = state_.value(key::kCaFile).value_or("");
    o.token = *state_.value(key::kToken);
    o.cancel = hooks_.cancel;
    return HttpTransport(o);
}

PushReport SyncClient::push() {
    PushReport rep;
    auto finish = [&](SyncError error) {
        rep.error = std::move(error.message);
        rep.errorKind = error.kind;
        rep.ok = !error.failed();
        rep.pending = outbox_.pendingCount();
        return rep;
    };
    SyncError noTransport;
    auto t = transport(noTransport);
    if (!t)
        return finish(noTransport);

    // The cursor call checks the token and the link before any batch is assembled.
    auto cursor = expectRetried<CursorReply>(
        [&](const auto& good) {
            return sendRetried([&] { return t->get(std::string(kApiPrefix) + "/cursor"); }, good,
                               "cursor request");
        },
        parseCursorReply);
    if (!cursor.value)
        return finish({cursor.kind, cursor.error});
    state_.setValue(key::kServerCursor, std::to_string(cursor.value->cursor));

    // New recordings get their "recording" record now, so it leaves with this round's batches.
    declareRecordings();

    // The server's cursor is the highest seq it holds for this device. Behind what we saw
    // acknowledged, it lost records (restored from an older copy, a crash before its fsync):
    // send them again. Records are sent in seq order one batch at a time, so everything up to
    // the cursor is there; re-sent ones that are there come back as duplicates, stored once.
    if (const std::int64_t acked = outbox_.lastAcknowledgedSeq(); cursor.value->cursor < acked) {
        const std::int64_t requeued = outbox_.requeueAcknowledgedAfter(cursor.value->cursor);
        rep.resent = requeued;
        say("the server holds records up to seq " + std::to_string(cursor.value->cursor) +
            " only, this kiosk had up to " + std::to_string(acked) +
            " acknowledged (server restored from an older copy?): re-sending " +
            std::to_string(requeued) + " records");
    }

    if (SyncError e = sendBatches(*t, rep); e.failed())
        return finish(std::move(e));
    // The files after the records that declare them (the server refuses bytes nobody declared).
    const std::int64_t redeclaredBefore = rep.recordingsRedeclared;
    if (SyncError e = uploadRecordings(*t, rep, true);
        e.failed() || rep.recordingsRedeclared == redeclaredBefore)
        return finish(std::move(e));
    // Files the server refused as declared by no record of this device were declared again:
    // their new records go now, then the files, once more in this round (a second refusal is
    // only logged; the next round declares them again rather than sending bytes for ever).
    if (SyncError e = sendBatches(*t, rep); e.failed())
        return finish(std::move(e));
    return finish(uploadRecordings(*t, rep, false));
}

SyncError SyncClient::sendBatches(const HttpTransport& t, PushReport& rep) {
    for (;;) {
        if (cancelled())
            return kSyncCancelled;
        std::string batchId;
        std::vector<store::OutboxRecord> records;
        if (auto open = outbox_.openBatchId()) { // a batch sent before without a usable reply
            batchId = *open;
            records = outbox_.batchRecords(batchId);
            say("resending batch " + batchId + " (" + std::to_string(records.size()) + " records)");
        } else {
            batchId = newUuid();
            records = outbox_.assignNextBatch(batchId, maxBatchRecords, maxBatchBytes);
            if (records.empty())
                break;
        }
        // A record larger than a whole batch could never go (the server refuses the batch, for
        // ever, and every record behind it waits): it is set aside on the kiosk with the reason.
        const auto setAside = std::erase_if(records, [&](const store::OutboxRecord& r) {
            if (r.payload.size() <= maxBatchBytes)
                return false;
            const std::string why = "record " + r.recordId + " (" + r.kind + ", " +
                                    std::to_string(r.payload.size()) +
                                    " bytes) is larger than a batch (" +
                                    std::to_string(maxBatchBytes) + " bytes): set aside";
            outbox_.setAside(r.seq, why);
            ++rep.setAside;
            say(why);
            return true;
        });
        if (records.empty() && setAside > 0)
            continue; // it was alone in its batch (assignNextBatch puts it alone)
        if (records.empty())
            return {SyncErrorKind::Other,
                    "batch " + batchId + " has no records left but is still open"};

        BatchRequest req;
        for (const auto& r : records)
            req.records.push_back(toWire(r));
        const std::string body = gzipCompress(toJson(req).dump());
        rep.bytesSent += static_cast<std::int64_t>(body.size());
        // What will still wait on the kiosk once this batch is stored: the back office's
        // dashboard shows it per kiosk (a query parameter, so the batch format is unchanged).
        const auto left =
            std::max<std::int64_t>(0, outbox_.pendingCount() - std::int64_t(records.size()));
        // The same id on every send: the server stores a batch once and replays its reply.
        auto reply = expectRetried<BatchReply>(
            [&](const auto& good) {
                return sendRetried(
                    [&] {
                        return t.post(std::string(kApiPrefix) + "/batches/" + batchId +
                                          "?pending=" + std::to_string(left),
                                      body, kBatchContentType);
                    },
                    good, "batch " + batchId);
            },
            parseBatchReply);
        if (!reply.value)
            return {reply.kind, reply.error};
        if (reply.value->batchId != batchId)
            return {SyncErrorKind::Server,
                    "reply for another batch (" + reply.value->batchId + ")"};

        std::set<std::string> sent;
        for (const auto& r : records)
            sent.insert(r.recordId);
        std::vector<std::string> acked;
        std::int64_t stored = 0, dup = 0, conflict = 0, quarantined = 0;
        std::set<std::string> named;
        std::string invalid;
        for (const auto& r : reply.value->results) {
            // A reply that names a record we did not send, or one record twice, is not a reply
            // to this batch: nothing of it is believed.
            if (!sent.count(r.recordId)) {
                invalid = "names record " + r.recordId + " that was not sent";
                break;
            }
            if (!named.insert(r.recordId).second) {
                invalid = "names record " + r.recordId + " twice";
                break;
            }
            acked.push_back(r.recordId);
            switch (r.status) {
            case RecordStatus::Stored:
                ++stored;
                break;
            case RecordStatus::Duplicate:
                ++dup;
                break;
            case RecordStatus::Conflict:
                ++conflict;
                break;
            case RecordStatus::Quarantined:
                ++quarantined;
                // Kept on the server for a human; the reason is for IT reading this log.
                if (!r.reason.empty())
                    say("record " + r.recordId + " quarantined: " + r.reason);
                break;
            }
        }
        if (!invalid.empty())
            return {SyncErrorKind::Server,
                    "the server's reply to batch " + batchId + " " + invalid};
        if (acked.size() != sent.size())
            return {SyncErrorKind::Server,
                    "the server's reply did not name every record of batch " + batchId};
        if (hooks_.beforeMarkAcknowledged)
            hooks_.beforeMarkAcknowledged(batchId);
        outbox_.markAcknowledged(batchId, acked);
        state_.setValue(key::kServerCursor, std::to_string(reply.value->cursor));
        ++rep.batches;
        rep.stored += stored;
        rep.duplicates += dup;
        rep.conflicts += conflict;
        rep.quarantined += quarantined;
        if (hooks_.acknowledged)
            hooks_.acknowledged(rep.stored + rep.duplicates + rep.conflicts + rep.quarantined);
        say("batch " + std::to_string(rep.batches) + ": " + std::to_string(stored) + " stored, " +
            std::to_string(dup) + " duplicates" +
            (conflict ? ", " + std::to_string(conflict) + " conflicts" : "") +
            (quarantined ? ", " + std::to_string(quarantined) + " quarantined" : ""));
    }
    return {};
}

PullReport SyncClient::pullCatalog(const PackageValidator& validate) {
    PullReport rep;
    const auto fail = [&rep](SyncErrorKind kind, std::string message) {
        rep.errorKind = kind;
        rep.error = std::move(message);
        return rep;
    };
    SyncError noTransport;
    auto t = transport(noTransport);
    if (!t)
        return fail(noTransport.kind, noTransport.message);
    std::int64_t since = 0;
    if (auto v = state_.value(key::kCatalogVersion))
        since = std::stoll(*v);
    auto cat = expectRetried<CatalogReply>(
        [&](const auto& good) {
            return sendRetried(
                [&] {
                    return t->get(std::string(kApiPrefix) +
                                  "/catalog?since=" + std::to_string(since));
                },
                good, "catalogue request");
        },
        parseCatalogReply);
    if (!cat.value)
        return fail(cat.kind, cat.error);
    rep.version = std::max(since, cat.value->version);
    if (cat.value->quizzes.empty() && cat.value->trainers.empty() && cat.value->scores.empty() &&
        rep.version == since) {
        rep.ok = true;
        return rep;
    }

    std::set<std::pair<std::string, std::string>> installed;
    for (const auto& q : state_.installedQuizzes())
        installed.insert({q.id, q.version});

    CatalogApplication app;
    app.version = rep.version;
    app.trainers = cat.value->trainers;
    app.scores = cat.value->scores;
    std::error_code ec;
    for (const auto& q : cat.value->quizzes) {
        // Checked before any of its names becomes a path (package_names.hpp).
        if (const std::string problem = catalogQuizProblem(q); !problem.empty()) {
            rep.refused.push_back(problem);
            say("catalogue package refused, nothing of it written: " + problem);
            continue;
        }
        if (installed.count({q.id, q.version}))
            continue;
        // Each version in its own folder named by its hash: an attempt in progress keeps reading
        // the files of the version it started with.
        const fs::path final =
            dataDir_ / "catalog" / q.id / (q.version + "-" + q.sha256.substr(0, 12));
        const fs::path staging =
            dataDir_ / "catalog" / ".staging" / (q.id + "-" + q.version + "-" + randomHex(4));
        fs::create_directories(staging, ec);
        if (ec)
            return fail(kindOfFileError(ec),
                        "cannot create " + staging.string() + ": " + ec.message());
        for (const auto& f : q.files) {
            if (cancelled()) {
                fs::remove_all(staging, ec);
                return fail(kSyncCancelled.kind, kSyncCancelled.message);
            }
            auto blob =
                sendRetried([&] { return t->get(std::string(kApiPrefix) + "/blobs/" + f.sha256); },
                            [&](const HttpOutcome& o) {
                                return o.reply && o.reply->status == 200 &&
                                       sha256Hex(o.reply->body) == f.sha256;
                            },
                            "download of " + q.id + "/" + f.path);
            if (!blob.reply || blob.reply->status != 200) {
                fs::remove_all(staging, ec);
                return fail(blob.reply ? kindOfReply(*blob.reply) : blob.errorKind,
                            "download of " + q.id + "/" + f.path + " failed: " +
                                (blob.reply ? describeFailure(*blob.reply) : blob.error));
            }
            if (sha256Hex(blob.reply->body) != f.sha256 ||
                static_cast<std::int64_t>(blob.reply->body.size()) != f.size) {
                fs::remove_all(staging, ec);
                return fail(SyncErrorKind::Server,
                            q.id + "/" + f.path + ": downloaded content does not match its sha256");
            }
            const fs::path dest = (staging / fs::path(f.path)).lexically_normal();
            // Belt and braces after catalogQuizProblem: never a file outside the staging folder.
            if (dest.lexically_relative(staging).empty() ||
                *dest.lexically_relative(staging).begin() == "..") {
                fs::remove_all(staging, ec);
                return fail(SyncErrorKind::Server,
                            q.id + "/" + f.path + ": path leaves the package folder");
            }
            fs::create_directories(dest.parent_path(), ec);
            std::ofstream out(dest, std::ios::binary);
            out.write(blob.reply->body.data(),
                      static_cast<std::streamsize>(blob.reply->body.size()));
            out.close();
            if (!out) {
                // The stream keeps no error code; errno is the failed write's or close's.
                const std::error_code why(errno, std::generic_category());
                fs::remove_all(staging, ec);
                return fail(kindOfFileError(why),
                            "cannot write " + dest.string() + ": " + why.message());
            }
            if (hooks_.afterCatalogFile)
                hooks_.afterCatalogFile(f.path);
        }
        if (validate) {
            auto errors = validate(staging);
            if (!errors.empty()) {
                fs::remove_all(staging, ec);
                return fail(SyncErrorKind::Server,
                            "package " + q.id + " " + q.version + " refused: " + errors.front());
            }
        }
        // Not listed in the database yet, so nothing reads `final`: replacing it is safe.
        fs::remove_all(final, ec);
        fs::create_directories(final.parent_path(), ec);
        fs::rename(staging, final, ec);
        if (ec)
            return fail(kindOfFileError(ec),
                        "cannot install " + final.string() + ": " + ec.message());
        app.quizzes.push_back({q.id, q.version, q.sha256, fs::absolute(final).string()});
    }
    state_.applyCatalog(app); // one transaction: packages, trainers, version
    rep.quizzesInstalled = static_cast<std::int64_t>(app.quizzes.size());
    rep.trainersUpdated = static_cast<std::int64_t>(app.trainers.size());
    rep.scoresReceived = static_cast<std::int64_t>(app.scores.size());
    rep.ok = true;
    say("catalogue version " + std::to_string(rep.version) + ": " +
        std::to_string(rep.quizzesInstalled) + " new quiz package(s), " +
        std::to_string(rep.trainersUpdated) + " trainer account(s), " +
        std::to_string(rep.scoresReceived) + " back-office score(s)");
    return rep;
}

RoundReport SyncClient::round(const PackageValidator& validate, std::int64_t nowMs) {
    RoundReport r;
    r.push = push();
    if (r.push.ok)
        r.pull = pullCatalog(validate);
    state_.setValue(key::kLastRoundMs, std::to_string(nowMs));
    if (r.ok()) {
        state_.setValue(key::kLastSuccessMs, std::to_string(nowMs));
        state_.setValue(key::kLastError, "");
        state_.setValue(key::kLastErrorKind, toString(SyncErrorKind::None));
    } else {
        state_.setValue(key::kLastError, r.error());
        state_.setValue(key::kLastErrorKind, toString(r.errorKind()));
    }
    return r;
}

} // namespace repere::sync
