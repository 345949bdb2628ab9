// PostgreSQL backend for the shared tests, and the executable's main: it runs the tests only
// when a server answers; otherwise it exits 77 (ctest: "Skipped") after saying why, or 1 when
// REPERE_TEST_PG named the server (a promised service that is missing is a failure).
#define CATCH_CONFIG_RUNNER
#include "support/backend.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <pqxx/pqxx>
#include <unistd.h>

namespace repere::test {

namespace {
std::string uri() {
    const char* env = std::getenv("REPERE_TEST_PG");
    return env && *env ? env : "postgresql://postgres@127.0.0.1:54329/repere_test";
}
} // namespace

const char* backendName() {
    return "postgresql";
}

// Each test process works in a schema of its own (search_path in the URI), so two runs at once
// on one cluster (two worktrees, a test and a benchmark) never drop each other's tables.
std::string schemaName() {
    return "repere_test_" + std::to_string(::getpid());
}

std::string freshDbSpec(const TempDir&) {
    pqxx::connection c(uri());
    pqxx::nontransaction tx(c);
    tx.exec("SET client_min_messages TO WARNING");
    tx.exec("DROP SCHEMA IF EXISTS " + schemaName() + " CASCADE");
    tx.exec("CREATE SCHEMA " + schemaName());
    const std::string base = uri();
    return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schemaName();
}

void dropSchema() {
    try {
        pqxx::connection c(uri());
        pqxx::nontransaction tx(c);
        tx.exec("SET client_min_messages TO WARNING");
        tx.exec("DROP SCHEMA IF EXISTS " + schemaName() + " CASCADE");
    } catch (const std::exception&) {
    }
}

} // namespace repere::test

int main(int argc, char** argv) {
    try {
        pqxx::connection c(repere::test::uri());
    } catch (const std::exception& e) {
        // Named explicitly (scripts/test.sh and CI always do): a server that was promised and
        // cannot be reached is a failure. Unset (a developer's quick run): skipped, with why.
        const bool promised = std::getenv("REPERE_TEST_PG") != nullptr;
        std::cout << (promised ? "FAILED: " : "SKIPPED: ") << "PostgreSQL tests need a server at "
                  << repere::test::uri()
                  << " (run scripts/start-postgres.sh and set REPERE_TEST_PG): " << e.what()
                  << std::endl;
        return promised ? 1 : 77;
    }
    const int rc = Catch::Session().run(argc, argv);
    repere::test::dropSchema();
    return rc;
}
