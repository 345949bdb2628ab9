#include "sync/client/sync_error.hpp"

#include "store/errors.hpp"
#include "sync/client/http_transport.hpp"
#include "sync/protocol/wire.hpp"

#include <array>
#include <cerrno>
#include <utility>

namespace repere::sync {
namespace {

constexpr std::array<std::pair<SyncErrorKind, const char*>, 11> kNames{{
    {SyncErrorKind::None, "none"},
    {SyncErrorKind::NotEnrolled, "not-enrolled"},
    {SyncErrorKind::Network, "network"},
    {SyncErrorKind::CaptivePortal, "captive-portal"},
    {SyncErrorKind::Certificate, "certificate"},
    {SyncErrorKind::Refused, "refused"},
    {SyncErrorKind::CodeRefused, "code-refused"},
    {SyncErrorKind::Server, "server"},
    {SyncErrorKind::DiskFull, "disk-full"},
    {SyncErrorKind::Cancelled, "cancelled"},
    {SyncErrorKind::Other, "other"},
}};

bool looksLikeHtml(const HttpReply& reply) {
    return reply.contentType.find("html") != std::string::npos ||
           reply.body.find("<html") != std::string::npos ||
           reply.body.find("<!DOCTYPE") != std::string::npos;
}

} // namespace

const char* toString(SyncErrorKind kind) {
    for (const auto& [k, name] : kNames)
        if (k == kind)
            return name;
    return "other";
}

std::optional<SyncErrorKind> parseSyncErrorKind(std::string_view name) {
    for (const auto& [k, n] : kNames)
        if (name == n)
            return k;
    return std::nullopt;
}

const char* messageKey(SyncErrorKind kind) {
    switch (kind) {
    case SyncErrorKind::NotEnrolled:
        return "trainer.sync.err.not_enrolled";
    case SyncErrorKind::Network:
        return "trainer.sync.err.network";
    case SyncErrorKind::CaptivePortal:
        return "trainer.sync.err.portal";
    case SyncErrorKind::Certificate:
        return "trainer.sync.err.certificate";
    case SyncErrorKind::Refused:
        return "trainer.sync.err.refused";
    case SyncErrorKind::CodeRefused:
        return "trainer.sync.err.code_refused";
    case SyncErrorKind::Server:
        return "trainer.sync.err.server";
    case SyncErrorKind::DiskFull:
        return "trainer.sync.err.disk_full";
    case SyncErrorKind::Cancelled:
        return "trainer.sync.err.cancelled";
    case SyncErrorKind::None:
    case SyncErrorKind::Other:
        break;
    }
    return "trainer.sync.err.other";
}

std::string describeFailure(const HttpReply& reply) {
    std::string what = "HTTP " + std::to_string(reply.status);
    if (auto e = parseErrorReply(reply.body); e.ok())
        return what + ": " + e.value->error + " (" + e.value->reason + ")";
    if (looksLikeHtml(reply))
        return what + ": an HTML page instead of the server's reply (captive portal or proxy? log "
                      "in to the network)";
    if (reply.body.empty())
        return what + ": empty reply";
    return what + ": unexpected reply";
}

SyncErrorKind kindOfReply(const HttpReply& reply) {
    if (looksLikeHtml(reply))
        return SyncErrorKind::CaptivePortal;
    switch (reply.status) {
    case 401:
    case 403:
        return SyncErrorKind::Refused;
    case 502:
    case 503:
    case 504:
        return SyncErrorKind::Network;
    default:
        return SyncErrorKind::Server;
    }
}

SyncErrorKind kindOfFileError(const std::error_code& ec) {
    if (ec == std::errc::no_space_on_device || ec.value() == EDQUOT)
        return SyncErrorKind::DiskFull;
    return SyncErrorKind::Other;
}

SyncError syncErrorFromException(const std::exception& e) {
    if (const auto* store = dynamic_cast<const store::StoreError*>(&e))
        if (store->kind() == store::StoreErrorKind::DiskFull)
            return {SyncErrorKind::DiskFull, e.what()};
    return {SyncErrorKind::Other, e.what()};
}

} // namespace repere::sync
