// Sync benchmark (numbers, not pass/fail; see bench/sync/run.sh).
//   sync_bench [RECORDS [POSTGRESQL_URI [ROUNDS [BACKENDS]]]]
//   defaults 20000, "" (SQLite only), 3, "sqlite,postgresql"; BACKENDS "postgresql" skips SQLite
//   and the HTTP figures
//  1. Ingest rate of the server's storage (ingestBatch: dedup, conflict check, reply kept) for
//     SQLite and PostgreSQL, each beside a plain bulk insert of the same rows into the same
//     database in the same run, in transactions of the same size; the ratio is the cost of the
//     exactly-once bookkeeping.
//  2. Time to sync one agency's day (3,000 responses) from a kiosk over loopback HTTP.
//  3. Bytes on the wire per response (gzip request bodies).
#include "support/memory_kiosk.hpp"
#include "support/records.hpp"
#include "support/temp_dir.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/admin.hpp"
#include "sync/server/http_server.hpp"
#include "sync/server/schema.hpp"
#include "sync/server/sql.hpp"
#include "sync/server/sql_storage.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

using namespace repere;
using namespace repere::sync;
using namespace repere::sync::server;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::int64_t wall() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Record ids are uuids, as kiosks make them (random: each lands anywhere in the key's index).
std::vector<WireRecord> rowsFor(int n) {
    std::vector<WireRecord> out;
    out.reserve(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k)
        out.push_back(test::makeRecord(newUuid(), k + 1, "b"));
    return out;
}

const std::vector<std::string> kPlainColumns = {
    "record_id", "device_id", "batch_id",     "kind",        "status",     "sha256",
    "payload",   "quiz_id",   "quiz_version", "seq",         "created_at", "received_at",
    "agency",    "code",      "attempt_uuid", "blob_sha256", "blob_size"};

// The same rows as ingestBatch stores (the same values in every column, a batch id of the same
// length included), in one transaction of the same size, through the backend's fastest plain
// path (PostgreSQL COPY, SQLite one reused INSERT): no batch claim, no dedup lookup, no payload
// parsing, no reply. The rows are built before the clock starts, and the attempt key ingest
// reads from each payload is read here beforehand, so both paths write the same values into the
// indexes.
double plainCopy(SqlDatabase& db, const std::vector<WireRecord>& rows,
                 const std::vector<std::string>& attempts, std::size_t start, std::size_t end,
                 const std::string& deviceId, const std::string& table) {
    const std::string batchId = newUuid();
    std::vector<std::vector<SqlValue>> values;
    for (std::size_t k = start; k < end; ++k) {
        const auto& r = rows[k];
        values.push_back({r.recordId, deviceId, batchId, r.kind, "stored", r.sha256, r.payload,
                          SqlValue(), SqlValue(), r.seq, r.createdAtMs, wall(), "bench", SqlValue(),
                          attempts[k], SqlValue(), SqlValue()});
    }
    const auto t0 = Clock::now();
    db.transact([&](SqlSession& s) { s.copyRows(table, kPlainColumns, values); });
    return since(t0);
}

void createPlainTable(SqlDatabase& db, const std::string& table, bool primaryKey) {
    db.transact([&](SqlSession& s) {
        s.exec("DROP TABLE IF EXISTS " + table);
        s.exec("CREATE TABLE " + table + " (record_id TEXT" + (primaryKey ? " PRIMARY KEY" : "") +
               ", device_id TEXT, batch_id TEXT, kind TEXT, status TEXT, sha256 TEXT, payload "
               "TEXT, quiz_id TEXT, quiz_version TEXT, seq BIGINT, created_at BIGINT, "
               "received_at BIGINT, agency TEXT, code TEXT, attempt_uuid TEXT, blob_sha256 TEXT, "
               "blob_size BIGINT)");
    });
}

// A table shaped exactly like the server's `records` (same columns, key and indexes), so the
// ratio against it is the cost of the exactly-once bookkeeping alone.
void createRecordsLikeTable(SqlDatabase& db, const std::string& table) {
    db.transact([&](SqlSession& s) {
        s.exec("DROP TABLE IF EXISTS " + table);
        if (db.dialect() == SqlDialect::Postgresql) {
            s.exec("CREATE TABLE " + table + " (LIKE records INCLUDING ALL)");
            return;
        }
        auto ddl = s.query("SELECT sql FROM sqlite_master WHERE tbl_name = 'records' AND sql IS "
                           "NOT NULL ORDER BY type DESC");
        for (const auto& row : ddl) {
            std::string sql = toText(row[0]);
            for (std::size_t at = sql.find("records"); at != std::string::npos;
                 at = sql.find("records", at + table.size()))
                sql.replace(at, 7, table);
            s.exec(sql);
        }
    });
}

// Autovacuum is off on the four tables: its workers woke on the rows just inserted and took one
// of the two cores from whichever path ran then.
void withoutAutovacuum(SqlDatabase& db, const std::vector<std::string>& tables) {
    if (db.dialect() != SqlDialect::Postgresql)
        return;
    db.transact([&](SqlSession& s) {
        for (const auto& t : tables)
            s.exec("ALTER TABLE " + t + " SET (autovacuum_enabled = false)");
    });
}

void benchIngest(const std::string& name, const std::string& spec,
                 std::unique_ptr<SqlDatabase> plainDb, int n, int rounds) {
    createPlainTable(*plainDb, "bench_plain", false);
    createPlainTable(*plainDb, "bench_plain_pk", true);
    auto storage = openStorage(spec);
    createRecordsLikeTable(*plainDb, "bench_same");
    withoutAutovacuum(*plainDb, {"bench_plain", "bench_plain_pk", "bench_same", "records"});
    const std::string code = randomHex(8);
    storage->createEnrolCode(sha256Hex(code), "bench", wall(), wall() + 3600000);
    auto device =
        storage->enrolDevice(sha256Hex(code), newUuid(), "bench", sha256Hex(newToken()), wall());
    // The four paths take turns batch by batch (the order rotating), so a moment when the shared
    // machine is slow, a checkpoint or a burst of another process's work falls on all four alike;
    // each path's time is the sum of its batches. New record ids every round; the medians of the
    // rounds are reported.
    std::vector<double> plain, plainPk, same, ingest;
    for (int round = 0; round < rounds; ++round) {
        const auto rows = rowsFor(n);
        std::vector<std::string> attempts;
        for (const auto& r : rows)
            attempts.push_back(recordKeys(r.kind, r.payload).attemptUuid);
        double times[4] = {0, 0, 0, 0};
        std::size_t turn = 0;
        for (std::size_t start = 0; start < rows.size(); start += kMaxBatchRecords, ++turn) {
            const std::size_t end = std::min(rows.size(), start + kMaxBatchRecords);
            const std::vector<WireRecord> batch(rows.begin() + static_cast<std::ptrdiff_t>(start),
                                                rows.begin() + static_cast<std::ptrdiff_t>(end));
            for (std::size_t k = 0; k < 4; ++k) {
                const std::size_t path = (turn + k) % 4;
                if (path == 0)
                    times[0] +=
                        plainCopy(*plainDb, rows, attempts, start, end, device->id, "bench_plain");
                else if (path == 1)
                    times[1] += plainCopy(*plainDb, rows, attempts, start, end, device->id,
                                          "bench_plain_pk");
                else if (path == 2)
                    times[2] +=
                        plainCopy(*plainDb, rows, attempts, start, end, device->id, "bench_same");
                else {
                    const auto t0 = Clock::now();
                    storage->ingestBatch(*device, newUuid(), batch, wall());
                    times[3] += since(t0);
                }
            }
        }
        plain.push_back(times[0]);
        plainPk.push_back(times[1]);
        same.push_back(times[2]);
        ingest.push_back(times[3]);
    }
    const double plainS = median(plain), plainPkS = median(plainPk), sameS = median(same),
                 ingestS = median(ingest);
    const char* how = name == "postgresql" ? "COPY" : "bulk insert";
    std::printf("%s: ingestBatch %.0f responses/s; plain %s of the same rows into a bare table "
                "%.0f rows/s (ratio %.2f), with a primary key %.0f rows/s (ratio %.2f), into a "
                "table like records (same key and indexes) %.0f rows/s (ratio %.2f); %d rows, "
                "500 per transaction, paths taking turns batch by batch, medians of %d rounds\n",
                name.c_str(), n / ingestS, how, n / plainS, plainS / ingestS, n / plainPkS,
                plainPkS / ingestS, n / sameS, sameS / ingestS, n, rounds);
}

void benchDay() {
    test::TempDir dir;
    auto storage = openStorage("sqlite:" + (dir / "server.db").string());
    ServerOptions o;
    HttpServer http(*storage, o);
    http.start();
    const std::string url = "http://127.0.0.1:" + std::to_string(http.port());
    test::MemoryKiosk kiosk;
    if (!SyncClient::enrol(kiosk, url, createEnrolCode(*storage, "bench", wall()), "k").ok) {
        std::cerr << "enrol failed\n";
        return;
    }
    kiosk.addResponses(3000);
    SyncClient client(kiosk, kiosk, dir.path());
    const auto t0 = Clock::now();
    auto r = client.push();
    const double secs = since(t0);
    std::printf("agency day: 3000 responses synced over loopback HTTP (SQLite server) in %.3f s "
                "(%s), %lld batches\n",
                secs, r.ok ? "ok" : r.error.c_str(), static_cast<long long>(r.batches));
    std::printf("wire: %.1f bytes of gzip request body per response (%lld bytes for 3000; JSON "
                "before gzip ~%zu bytes/response)\n",
                static_cast<double>(r.bytesSent) / 3000.0, static_cast<long long>(r.bytesSent),
                toJson(test::makeRecord(newUuid(), 1, "b")).dump().size());
    http.stop();
}

} // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::stoi(argv[1]) : 20000;
    const std::string pg = argc > 2 ? argv[2] : "";
    const int rounds = argc > 3 ? std::stoi(argv[3]) : 3;
    const std::string backends = argc > 4 ? argv[4] : "sqlite,postgresql";
    const bool sqlite = backends.find("sqlite") != std::string::npos;
    test::TempDir dir;
    const std::string sqlitePath = (dir / "bench.db").string();
    if (sqlite)
        benchIngest("sqlite", "sqlite:" + sqlitePath, openSqliteDatabase(sqlitePath), n, rounds);
    if (!pg.empty()) {
        {
            auto reset = openPostgresDatabase(pg, 1);
            reset->transact([](SqlSession& s) {
                s.exec("DROP SCHEMA IF EXISTS public CASCADE");
                s.exec("CREATE SCHEMA public");
            });
        }
        benchIngest("postgresql", pg, openPostgresDatabase(pg, 1), n, rounds);
    } else {
        std::printf("postgresql: skipped (no server; bench/sync/run.sh starts one)\n");
    }
    if (sqlite)
        benchDay();
    return 0;
}
