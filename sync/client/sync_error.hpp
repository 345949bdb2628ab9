// Why a sync step failed, typed where the failure happens (the transport, a server reply, the
// kiosk's disk or database) and carried as is up to the trainer's screen, which says it in French
// from the strings table (messageKey). The message beside the kind is the client's English, for
// IT (logs, `repere sync`, the sync state); nothing re-reads it to guess the kind.
#pragma once

#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace repere::sync {

struct HttpReply;

enum class SyncErrorKind {
    None,
    NotEnrolled,   // no server or token on this kiosk
    Network,       // no connection, timed out, cut, or a gateway saying the server is away
    CaptivePortal, // an HTML page where the server's JSON was expected
    Certificate,   // TLS: the server's certificate is not trusted
    Refused,       // the server refuses this kiosk's token (401/403): enrol it again
    CodeRefused,   // enrolment: the one-time code is unknown, used or expired
    Server,        // any other refusal or a reply that does not make sense
    DiskFull,      // the kiosk's disk (database or package folder) has no room left
    Cancelled,     // the kiosk is closing: the round was cut, nothing half-marked
    Other
};

struct SyncError {
    SyncErrorKind kind = SyncErrorKind::None;
    std::string message; // English, for IT
    bool failed() const { return kind != SyncErrorKind::None; }
};

// What a round that was cut because the kiosk is closing reports.
inline const SyncError kSyncCancelled{SyncErrorKind::Cancelled, "sync cancelled"};

// Stable names ("network", "disk-full"...) for the persisted sync state; parse returns nullopt
// for an unknown name.
const char* toString(SyncErrorKind kind);
std::optional<SyncErrorKind> parseSyncErrorKind(std::string_view name);

// The strings-table key of what the trainer is told ("trainer.sync.err.<kind>").
const char* messageKey(SyncErrorKind kind);

// The kind of a reply that is not the server's well-formed answer: an HTML page (captive
// portal), 401/403 (token refused), 502/503/504 (gateway: the server is away), else Server.
SyncErrorKind kindOfReply(const HttpReply& reply);

// A failed reply in words for IT: "HTTP 503: unavailable (...)", "an HTML page instead of...".
std::string describeFailure(const HttpReply& reply);

// The kind of a failed file operation on the kiosk (ENOSPC, EDQUOT: DiskFull; else Other).
SyncErrorKind kindOfFileError(const std::error_code& ec);

// The kind of an exception thrown under a round by the kiosk's database (store::StoreError:
// DiskFull stays DiskFull) or anything else (Other), with its message.
SyncError syncErrorFromException(const std::exception& e);

} // namespace repere::sync
