// SyncClient's file uploads: each recording's bytes go to the server's blob endpoint in
// resumable chunks once the records that declare it were accepted. Split from sync_client.cpp,
// which keeps the batches and the catalogue pull.
#include "sync/client/checked_reply.hpp"
#include "sync/client/sync_client.hpp"
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

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace

bool SyncClient::uploadBlob(const fs::path& file, std::string& error) {
    SyncError noTransport;
    auto t = transport(noTransport);
    if (!t) {
        error = noTransport.message;
        return false;
    }
    const std::string data = readFile(file);
    if (data.size() > kMaxBlobBytes) {
        error = file.string() + ": above the 64 MiB blob limit";
        return false;
    }
    std::string refusal;
    error = sendBlob(*t, data, sha256Hex(data), refusal).message;
    return error.empty();
}

SyncError SyncClient::sendBlob(const HttpTransport& t, const std::string& data,
                               const std::string& sha, std::string& refusal) {
    refusal.clear();
    const std::string base = std::string(kApiPrefix) + "/blobs/" + sha;
    const std::string what = "upload of " + sha.substr(0, 12);
    // A refusal (4xx with our JSON error) is final for this round: sending it again cannot help,
    // and a spent budget's Retry-After is hours, not seconds.
    const auto refused = [&](const HttpOutcome& o) {
        if (!o.reply || o.reply->status < 400 || o.reply->status >= 500 || o.reply->status == 401)
            return false;
        auto e = parseErrorReply(o.reply->body);
        if (!e.ok() || e.value->error == "rate_limited")
            return false;
        refusal = e.value->error;
        return true;
    };
    Checked<BlobStatus> st;
    const auto ask = [&](const std::function<HttpOutcome()>& send, const std::string& step) {
        const HttpOutcome out = sendRetried(
            send,
            [&](const HttpOutcome& o) {
                st = expect<BlobStatus>(o, parseBlobStatus);
                return st.value.has_value() || refused(o);
            },
            step);
        if (!st.value && !out.reply) {
            st.error = out.error;
            st.kind = out.errorKind;
        }
        return st.value.has_value();
    };
    if (!ask([&] { return t.get(base + "/status"); }, what + " (status)"))
        return {st.kind, st.error};
    BlobStatus at = *st.value;
    const auto total = static_cast<std::int64_t>(data.size());
    if (at.total != total)
        at.received = 0; // a new upload
    int stalls = 0;
    while (!at.complete) {
        if (cancelled())
            return kSyncCancelled;
        const auto offset = static_cast<std::size_t>(at.received);
        if (offset >= data.size())
            return {SyncErrorKind::Server, "the server says " + std::to_string(offset) +
                                               " bytes of " + std::to_string(total) +
                                               " arrived but not that the file is complete"};
        const std::string chunk = data.substr(offset, blobChunkBytes);
        // The same offset on every send: a chunk the server stored before the reply was lost
        // comes back as "received beyond it", and the next one starts there.
        if (!ask(
                [&] {
                    return t.put(base + "?offset=" + std::to_string(offset) +
                                     "&total=" + std::to_string(total),
                                 chunk, "application/octet-stream");
                },
                what + " at " + std::to_string(offset)))
            return {st.kind, st.error};
        // No progress twice in a row (an older server that restarts a corrupt upload from zero
        // says 200 each time): give up for this round rather than loop.
        stalls = !st.value->complete && st.value->received <= at.received ? stalls + 1 : 0;
        if (stalls > 2)
            return {SyncErrorKind::Server,
                    "the server did not take the chunk at " + std::to_string(offset)};
        at = *st.value;
    }
    return {};
}

void SyncClient::declareRecordings() {
    if (!recordings)
        return;
    for (const auto& r : recordings->undeclaredRecordings()) {
        // Only files under rec/ (a path from the database never leads elsewhere), whole, and
        // within the blob limit; anything else is declared without a blob: nothing to send.
        const fs::path rel = fs::path(r.path).lexically_normal();
        bool inside = !rel.empty() && !rel.is_absolute() && *rel.begin() == "rec";
        for (const auto& part : rel)
            inside = inside && part != "..";
        std::optional<store::RecordingBlob> blob;
        std::error_code ec;
        const fs::path file = dataDir_ / rel;
        if (inside && fs::is_regular_file(file, ec)) {
            const std::string data = readFile(file);
            if (!data.empty() && data.size() <= kMaxBlobBytes)
                blob =
                    store::RecordingBlob{sha256Hex(data), static_cast<std::int64_t>(data.size())};
        }
        if (!blob)
            say("recording " + r.path + " of answer " + r.responseUuid +
                " is missing or unusable: nothing to upload");
        recordings->declareRecording(r, blob);
    }
}

SyncError SyncClient::uploadRecordings(const HttpTransport& t, PushReport& rep, bool redeclare) {
    if (!recordings)
        return {};
    const auto todo = recordings->recordingsToUpload();
    rep.recordingsWaiting = static_cast<std::int64_t>(todo.size());
    for (const auto& r : todo) {
        if (cancelled())
            return kSyncCancelled;
        const std::string data = readFile(dataDir_ / r.path);
        if (sha256Hex(data) != r.sha256) {
            // Changed or gone since it was declared (erased by hand?): never confirmed, so
            // never deleted by retention either; a human sees it in the log.
            say("recording " + r.path + " no longer matches its sha256: not uploaded");
            continue;
        }
        std::string refusal;
        const SyncError error = sendBlob(t, data, r.sha256, refusal);
        if (refusal == "upload_budget") {
            say("today's upload budget on the server is spent: the other recordings wait");
            return {};
        }
        if (refusal == "not_referenced" && redeclare) {
            // Retrying the same bytes would be refused for ever: declare the file again, for
            // this device, and let the caller send that record before the bytes.
            const auto n = recordings->redeclareRecording(r.sha256);
            rep.recordingsRedeclared += n > 0 ? 1 : 0;
            say("recording " + r.path + ": no record of this device declares it on the server" +
                " (enrolled again, or records lost there): declared again");
            continue;
        }
        if (!refusal.empty()) {
            say("recording " + r.path + " refused: " + error.message);
            continue;
        }
        if (error.failed())
            return {error.kind, "upload of recording " + r.path + ": " + error.message};
        recordings->confirmRecording(r.sha256);
        ++rep.recordingsUploaded;
        --rep.recordingsWaiting;
        say("recording " + r.path + " on the server (" + std::to_string(r.size) + " bytes)");
    }
    return {};
}

} // namespace repere::sync
