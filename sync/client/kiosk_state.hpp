// What the sync client needs from the kiosk's storage besides the outbox (store/outbox.hpp):
// a few persistent values (enrolment, catalogue version, last round) and the one-transaction
// application of a pulled catalogue. Implemented over store::Database by database_state.cpp.
#pragma once

#include "sync/protocol/wire.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace repere::sync {

// Keys of the persistent sync values.
namespace key {
inline constexpr const char* kServerUrl = "server_url";
inline constexpr const char* kDeviceId = "device_id";
inline constexpr const char* kToken = "device_token";
inline constexpr const char* kAgency = "agency";
inline constexpr const char* kCaFile = "ca_file";
inline constexpr const char* kCatalogVersion = "catalog_version";
inline constexpr const char* kServerCursor = "server_cursor";
inline constexpr const char* kLastRoundMs = "last_round_ms";
inline constexpr const char* kLastSuccessMs = "last_success_ms";
inline constexpr const char* kLastError = "last_error";
inline constexpr const char* kLastErrorKind = "last_error_kind"; // toString(SyncErrorKind)
} // namespace key

struct InstalledQuiz {
    std::string id;
    std::string version;
    std::string sha256;
    std::string folder; // absolute path of the package folder on the kiosk
};

struct CatalogApplication {
    std::int64_t version = 0; // becomes the kiosk's catalogue version
    std::vector<InstalledQuiz> quizzes;
    std::vector<CatalogTrainer> trainers;
    std::vector<CatalogScore> scores; // given in the back office to this agency's answers
};

class KioskSyncState {
public:
    virtual ~KioskSyncState() = default;
    virtual std::optional<std::string> value(const std::string& key) = 0;
    virtual void setValue(const std::string& key, const std::string& value) = 0;
    // All of it or none of it: packages listed, trainers updated, scores added, version advanced.
    virtual void applyCatalog(const CatalogApplication& catalog) = 0;
    virtual std::vector<InstalledQuiz> installedQuizzes() = 0;
};

} // namespace repere::sync
