// The storage backend a test executable runs against. The same test sources are compiled
// twice: sync_sqlite_tests (a fresh SQLite file per test) and sync_postgres_tests (a fresh
// schema in the database named by REPERE_TEST_PG, see scripts/start-postgres.sh).
#pragma once

#include "support/temp_dir.hpp"
#include "sync/server/storage.hpp"

#include <memory>
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

} // namespace repere::test
