// The storage backend a test executable runs against. The same test sources are compiled
// twice: sync_sqlite_tests (a fresh SQLite file per test) and sync_postgres_tests (a fresh
// schema in the database named by REPERE_TEST_PG, see scripts/start-postgres.sh).
#pragma once

#include "support/temp_dir.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/sql.hpp"
#include "sync/server/storage.hpp"

#include <memory>
#include <stdexcept>
#include <string>

namespace repere::test {

// "sqlite" or "postgresql".
const char* backendName();
// The --db spec for a fresh, empty database (SQLite: a file in `dir`; PostgreSQL: the schema is
// dropped and recreated, so call it once per test).
std::string freshDbSpec(const TempDir& dir);

inline std::unique_ptr<sync::server::Storage> freshStorage(const TempDir& dir) {
    return sync::server::openStorage(freshDbSpec(dir));
}

// A kiosk of `agency` enrolled with a fresh code, as `repere enrol` does.
inline sync::server::Device enrolledDevice(sync::server::Storage& s,
                                           const std::string& agency = "ALI Bondy",
                                           const std::string& name = "kiosk") {
    const std::string code = sync::randomHex(8);
    s.createEnrolCode(sync::sha256Hex(code), agency, 1000, 1000 + 86400000);
    auto d = s.enrolDevice(sync::sha256Hex(code), sync::newUuid(), name,
                           sync::sha256Hex(sync::newToken()), 2000);
    if (!d)
        throw std::runtime_error("enrolment refused");
    return *d;
}

// The database under `spec` without the storage layer, to put it back to an older schema.
inline std::unique_ptr<sync::server::SqlDatabase> rawDatabase(const std::string& spec) {
    return spec.rfind("sqlite:", 0) == 0 ? sync::server::openSqliteDatabase(spec.substr(7))
                                         : sync::server::openPostgresDatabase(spec, 1);
}

} // namespace repere::test
