// The storage contract (sync/server/storage.hpp), run on SQLite and on PostgreSQL.
#include "support/backend.hpp"
#include "support/records.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/sql.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <future>
#include <map>
#include <set>

using namespace repere;
using namespace repere::sync;
using namespace repere::sync::server;

namespace {} // namespace

TEST_CASE("storage: an enrolment code works once, before it expires") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    s->createEnrolCode(sha256Hex("CODE-1"), "ALI Bondy", 1000, 5000);
    CHECK_FALSE(s->enrolDevice(sha256Hex("WRONG"), "dev-x", "k", sha256Hex("t0"), 2000));
    auto d = s->enrolDevice(sha256Hex("CODE-1"), "dev-1", "kiosk 1", sha256Hex("t1"), 2000);
    REQUIRE(d);
    CHECK(d->agency == "ALI Bondy");
    CHECK_FALSE(
        s->enrolDevice(sha256Hex("CODE-1"), "dev-2", "kiosk 2", sha256Hex("t2"), 2001)); // used
    s->createEnrolCode(sha256Hex("CODE-2"), "ALI Bondy", 1000, 5000);
    CHECK_FALSE(
        s->enrolDevice(sha256Hex("CODE-2"), "dev-3", "kiosk 3", sha256Hex("t3"), 5000)); // expired
    CHECK(s->devices().size() == 1);
}

TEST_CASE("storage: tokens are looked up by hash and stop working when revoked") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    s->createEnrolCode(sha256Hex("C"), "A", 0, 99999);
    REQUIRE(s->enrolDevice(sha256Hex("C"), "dev-1", "k", sha256Hex("secret"), 10));
    REQUIRE(s->deviceByTokenHash(sha256Hex("secret")));
    CHECK_FALSE(s->deviceByTokenHash("secret")); // the raw token is not what is stored
    CHECK(s->revokeDevice("dev-1", 20));
    CHECK_FALSE(s->revokeDevice("dev-1", 21));
    CHECK_FALSE(s->deviceByTokenHash(sha256Hex("secret")));
    REQUIRE(s->devices().at(0).revokedAtMs);
}

TEST_CASE("storage: a batch stores each record once and a replay returns the remembered reply") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const Device d = test::enrolledDevice(*s);
    auto recs = test::makeRecords("r", 5);
    auto first = s->ingestBatch(d, "b1", recs, 100);
    CHECK_FALSE(first.replayed);
    REQUIRE(first.reply.results.size() == 5);
    for (const auto& r : first.reply.results)
        CHECK(r.status == RecordStatus::Stored);
    CHECK(first.reply.cursor == 5);

    // Same batch id again (reply lost): same answer, nothing new stored, even if the body differs.
    auto again = s->ingestBatch(d, "b1", test::makeRecords("other", 2), 200);
    CHECK(again.replayed);
    CHECK(toJson(again.reply) == toJson(first.reply));
    CHECK(s->recordCount() == 5);

    // The same records in a new batch: duplicates.
    auto dup = s->ingestBatch(d, "b2", recs, 300);
    for (const auto& r : dup.reply.results)
        CHECK(r.status == RecordStatus::Duplicate);
    CHECK(s->recordCount() == 5);
    CHECK(s->cursor(d.id).cursor == 5);
    CHECK(s->cursor(d.id).records == 5);
}

TEST_CASE("storage: a replay gets the first reply whatever it held, and one stored before "
          "schema 9 too") {
    test::TempDir dir;
    INFO(test::backendName());
    const auto spec = test::freshDbSpec(dir);
    auto s = openStorage(spec);
    const Device d = test::enrolledDevice(*s);

    // An empty batch: its first try has no record to collide with, only the batch id.
    const auto empty = s->ingestBatch(d, "empty", {}, 100);
    CHECK_FALSE(empty.replayed);
    const auto emptyAgain = s->ingestBatch(d, "empty", {}, 150);
    CHECK(emptyAgain.replayed);
    CHECK(toJson(emptyAgain.reply) == toJson(empty.reply));

    // Stored, quarantined (a field missing) and duplicate results, each with its reason.
    auto recs = test::makeRecords("mix", 4);
    recs[1].payload = "{\"uuid\":\"mix-1\"}";
    recs[1].sha256 = sync::sha256Hex(recs[1].payload);
    recs.push_back(recs[0]); // the same record twice in one batch
    const auto first = s->ingestBatch(d, "mixed", recs, 200);
    REQUIRE(first.reply.results.size() == 5);
    CHECK(first.reply.results[1].status == RecordStatus::Quarantined);
    CHECK(first.reply.results[4].status == RecordStatus::Duplicate);
    const auto again = s->ingestBatch(d, "mixed", recs, 300);
    CHECK(again.replayed);
    CHECK(toJson(again.reply) == toJson(first.reply));

    // A reply kept by a server before schema 9: the wire's form, its cursor in the text.
    BatchReply old;
    old.batchId = "old";
    old.cursor = 42;
    old.results = {{"old-0", RecordStatus::Stored}, {"old-1", RecordStatus::Conflict}};
    test::rawDatabase(spec)->transact([&](SqlSession& x) {
        x.exec("INSERT INTO batches (device_id, batch_id, reply, received_at) VALUES ($1, 'old',"
               " $2, 1)",
               {d.id, toJson(old).dump()});
    });
    const auto oldAgain = s->ingestBatch(d, "old", test::makeRecords("old", 2), 400);
    CHECK(oldAgain.replayed);
    CHECK(toJson(oldAgain.reply) == toJson(old));
    CHECK(s->recordCount() == 4); // mix-0, mix-1, mix-2, mix-3: nothing from the replays
}

TEST_CASE("storage: a batch mixing new, stored and changed records stores only the new ones, "
          "counted once") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const Device d = test::enrolledDevice(*s);
    // The first try of a batch copies every record as new; a stored one makes the key refuse the
    // copy and the batch is taken again with a look-up. Nothing of the refused try may remain,
    // in the records or in the attempt's summary.
    auto start = test::jsonRecord("att-1", "attempt", {{"uuid", "att-1"}, {"startedAtMs", 5}}, 1);
    auto old = test::makeRecords("old", 3, 2);
    std::vector<WireRecord> first = old;
    first.insert(first.begin(), start);
    s->ingestBatch(d, "b1", first, 100);
    const std::vector<WireRecord> mixed = {test::makeRecord("new-0", 5), old[0],
                                           test::makeRecord("old-2", 4, "B"),
                                           test::makeRecord("new-1", 6), old[1]};
    const auto reply = s->ingestBatch(d, "b2", mixed, 200).reply;
    REQUIRE(reply.results.size() == 5);
    CHECK(reply.results[0].status == RecordStatus::Stored);
    CHECK(reply.results[1].status == RecordStatus::Duplicate);
    CHECK(reply.results[2].status == RecordStatus::Conflict);
    CHECK(reply.results[3].status == RecordStatus::Stored);
    CHECK(reply.results[4].status == RecordStatus::Duplicate);
    CHECK(reply.cursor == 6);
    CHECK(s->recordCount() == 6);
    CHECK(s->conflicts().size() == 1);
    const auto summaries = s->attemptSummaries({});
    REQUIRE(summaries.size() == 1);
    CHECK(summaries[0].responses == 5);
}

TEST_CASE(
    "storage: same record id with other content is a conflict, kept aside, never overwritten") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const Device d = test::enrolledDevice(*s);
    s->ingestBatch(d, "b1", {test::makeRecord("x", 1, "A")}, 100);
    auto reply = s->ingestBatch(d, "b2", {test::makeRecord("x", 2, "B")}, 200).reply;
    REQUIRE(reply.results.size() == 1);
    CHECK(reply.results[0].status == RecordStatus::Conflict);
    auto stored = s->records();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].payload.find("\"A\"") != std::string::npos);
    auto conflicts = s->conflicts();
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].payload.find("\"B\"") != std::string::npos);
    // Sending the conflicting version again does not pile up copies.
    s->ingestBatch(d, "b3", {test::makeRecord("x", 2, "B")}, 300);
    CHECK(s->conflicts().size() == 1);
}

TEST_CASE(
    "storage: a record of an unpublished quiz version is quarantined, kept, and counted once") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const Device d = test::enrolledDevice(*s);
    const std::string blob = "{\"id\":\"exemple\"}";
    s->storePackageFile(sha256Hex(blob), blob, 1);
    CatalogQuiz q{"exemple", "1.0.0", sha256Hex("m"), 0, {{"quiz.json", sha256Hex(blob), 16}}};
    s->publishQuiz(q, 10);
    auto reply = s->ingestBatch(d, "b1",
                                {test::makeRecord("known", 1, "A", "exemple", "1.0.0"),
                                 test::makeRecord("unknown", 2, "A", "exemple", "9.9.9"),
                                 test::makeRecord("plain", 3, "A")},
                                100)
                     .reply;
    CHECK(reply.results[0].status == RecordStatus::Stored);
    CHECK(reply.results[1].status == RecordStatus::Quarantined);
    CHECK(reply.results[2].status == RecordStatus::Stored);
    CHECK(s->recordCount() == 3);
    auto again =
        s->ingestBatch(d, "b2", {test::makeRecord("unknown", 2, "A", "exemple", "9.9.9")}, 200)
            .reply;
    CHECK(again.results[0].status == RecordStatus::Duplicate);
}

TEST_CASE("storage: a record missing a required field is quarantined, kept, and the reply names "
          "the field") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const Device d = test::enrolledDevice(*s);
    auto noAttempt = nlohmann::json::parse(test::makeRecord("x", 2).payload);
    noAttempt.erase("attemptUuid");
    auto noSha = nlohmann::json::parse(test::recordingRecord("g", 3, "bytes").payload);
    noSha.erase("sha256");
    auto reply = s->ingestBatch(d, "b1",
                                {test::makeRecord("whole", 1),
                                 test::jsonRecord("no-attempt", "response", noAttempt, 2),
                                 test::jsonRecord("no-sha", "recording", noSha, 3),
                                 test::jsonRecord("future", "hologram", {{"any", 1}}, 4)},
                                100)
                     .reply;
    REQUIRE(reply.results.size() == 4);
    CHECK(reply.results[0].status == RecordStatus::Stored);
    CHECK(reply.results[0].reason.empty());
    CHECK(reply.results[1].status == RecordStatus::Quarantined);
    CHECK(reply.results[1].reason == "payload: attemptUuid: missing");
    CHECK(reply.results[2].status == RecordStatus::Quarantined);
    CHECK(reply.results[2].reason == "payload: sha256: missing");
    CHECK(reply.results[3].status == RecordStatus::Stored); // a newer kiosk's kind, kept as sent
    CHECK(s->recordCount() == 4);
    // Kept for a human with its status; the reason travels in the reply, replayed unchanged.
    for (const auto& r : s->records())
        CHECK(r.status ==
              (r.recordId == "no-attempt" || r.recordId == "no-sha" ? "quarantined" : "stored"));
    const auto again = s->ingestBatch(d, "b1", {test::makeRecord("whole", 1)}, 200).reply;
    REQUIRE(again.results.size() == 4);
    CHECK(again.results[1].reason == "payload: attemptUuid: missing");
    // Through the wire: the reason is in the reply's JSON, an older kiosk's parser ignores it.
    const auto parsed = parseBatchReply(toJson(reply).dump());
    REQUIRE(parsed.ok());
    CHECK(parsed.value->results[2].reason == "payload: sha256: missing");
}

TEST_CASE("storage: the same batch sent twice at once is stored once, both get the same reply") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const Device d = test::enrolledDevice(*s);
    auto recs = test::makeRecords("c", 300);
    for (int round = 0; round < 5; ++round) {
        const std::string batch = "twice-" + std::to_string(round);
        auto a =
            std::async(std::launch::async, [&] { return s->ingestBatch(d, batch, recs, 100); });
        auto b =
            std::async(std::launch::async, [&] { return s->ingestBatch(d, batch, recs, 100); });
        auto ra = a.get();
        auto rb = b.get();
        CHECK(toJson(ra.reply) == toJson(rb.reply));
        CHECK(ra.replayed != rb.replayed);
    }
    CHECK(s->recordCount() == 300);
}

TEST_CASE("storage: device uploads resume from what was received and are checked against "
          "their hash") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const Device d = test::enrolledDevice(*s);
    std::string data(300000, '\0');
    for (std::size_t k = 0; k < data.size(); ++k)
        data[k] = static_cast<char>((k * 7919) % 256);
    const std::string sha = sha256Hex(data);
    const auto total = static_cast<std::int64_t>(data.size());
    s->ingestBatch(d, "b1", {test::recordingRecord("rec-1", 1, data)}, 1);
    const UploadRules rules;
    auto st = s->appendUpload(d, sha, total, 0, data.substr(0, 100000), rules, 1);
    CHECK(st.ok());
    CHECK(st.status.received == 100000);
    CHECK_FALSE(st.status.complete);
    // A retry of a chunk already there, or a gap, changes nothing and says where to resume.
    CHECK(s->appendUpload(d, sha, total, 0, data.substr(0, 100000), rules, 2).status.received ==
          100000);
    CHECK(s->appendUpload(d, sha, total, 200000, data.substr(200000), rules, 2).status.received ==
          100000);
    CHECK(s->uploadStatus(d, sha, rules, 2).status.received == 100000);
    CHECK_FALSE(s->uploadData(sha));
    st = s->appendUpload(d, sha, total, 100000, data.substr(100000), rules, 3);
    CHECK(st.status.complete);
    REQUIRE(s->uploadData(sha));
    CHECK(*s->uploadData(sha) == data); // binary-safe, NUL bytes included
    CHECK_FALSE(s->publishedFile(sha)); // a recording is never a package file
}

TEST_CASE("storage: the catalogue lists quiz packages and trainers changed since a version") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const std::string blob = "quiz";
    s->storePackageFile(sha256Hex(blob), blob, 1);
    CatalogQuiz q{"exemple", "1.0.0", sha256Hex("m1"), 0, {{"quiz.json", sha256Hex(blob), 4}}};
    const auto v1 = s->publishQuiz(q, 10);
    CHECK(s->publishQuiz(q, 11) == v1); // idempotent
    CatalogQuiz clash = q;
    clash.sha256 = sha256Hex("m2");
    CHECK_THROWS(s->publishQuiz(clash, 12)); // a version is immutable
    CatalogQuiz missing{"autre", "1", sha256Hex("m3"), 0, {{"quiz.json", sha256Hex("absent"), 6}}};
    CHECK_THROWS(s->publishQuiz(missing, 13));
    const auto v2 = s->upsertTrainer({"Awa", "$argon2id$fake", true, "ALI Bondy"}, 20);
    CHECK(v2 > v1);
    auto all = s->catalogSince(0, "ALI Bondy");
    CHECK(all.version == v2);
    REQUIRE(all.quizzes.size() == 1);
    CHECK(all.quizzes[0].files.at(0).path == "quiz.json");
    REQUIRE(all.trainers.size() == 1);
    auto later = s->catalogSince(v1, "ALI Bondy");
    CHECK(later.quizzes.empty());
    CHECK(later.trainers.size() == 1);
    CHECK(s->catalogSince(v2, "ALI Bondy").trainers.empty());
}

TEST_CASE("storage: values with quotes and SQL are stored as data") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const Device d = test::enrolledDevice(*s, "Agence'); DROP TABLE records;--");
    auto r = test::makeRecord("q-1", 1, "l'été \"chaud\"'); DELETE FROM records;--");
    s->ingestBatch(d, "b'1", {r}, 1);
    auto stored = s->records();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].payload == r.payload);
    CHECK(stored[0].agency == "Agence'); DROP TABLE records;--");
}

TEST_CASE("storage: audit entries are kept in order") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    s->audit({1, "enrol", "dev-1", "x"});
    s->audit({2, "revoke", "dev-1", "y"});
    s->audit({3, "export", "", "z"});
    auto log = s->auditLog();
    REQUIRE(log.size() == 3);
    CHECK(log[1].event == "revoke");
    CHECK(log[2].deviceId.empty());
}

TEST_CASE("storage: two batches carrying the same new records at once store each record once") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const Device d = test::enrolledDevice(*s);
    // On PostgreSQL the later COPY waits on the earlier one's keys, fails once they commit, and
    // its transaction runs again (SqlRetry); either way no record may be lost or doubled.
    for (int round = 0; round < 5; ++round) {
        auto all = test::makeRecords("overlap-" + std::to_string(round), 400);
        const std::vector<WireRecord> first(all.begin(), all.begin() + 300);
        const std::vector<WireRecord> second(all.begin() + 100, all.end());
        auto a = std::async(std::launch::async, [&] {
            return s->ingestBatch(d, "first-" + std::to_string(round), first, 100);
        });
        auto b = std::async(std::launch::async, [&] {
            return s->ingestBatch(d, "second-" + std::to_string(round), second, 100);
        });
        const auto ra = a.get().reply;
        const auto rb = b.get().reply;
        std::map<std::string, int> storedTimes;
        for (const auto* reply : {&ra, &rb})
            for (const auto& r : reply->results) {
                CHECK((r.status == RecordStatus::Stored || r.status == RecordStatus::Duplicate));
                if (r.status == RecordStatus::Stored)
                    ++storedTimes[r.recordId];
            }
        CHECK(storedTimes.size() == 400);
        for (const auto& [id, times] : storedTimes)
            CHECK(times == 1);
    }
    CHECK(s->recordCount() == 2000);
    CHECK(s->conflicts().empty());
}

TEST_CASE("storage: a payload keeps every byte that COPY's text format escapes") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    const Device d = test::enrolledDevice(*s);
    WireRecord r = test::makeRecord("escapes", 1);
    // Tab, newline, carriage return and backslash are COPY's separators and escapes; "\N" is
    // its NULL; the rest is UTF-8 that must pass through untouched.
    r.payload =
        "{\"answer\":\"a\tb\nc\rd\\\\e \\\\N \\u00e9\",\"raw\":\"\t\\\\N\",\"mot\":\"été ☺\"}";
    r.sha256 = sha256Hex(r.payload);
    const auto reply = s->ingestBatch(d, "b-escapes", {r}, 100).reply;
    REQUIRE(reply.results.size() == 1);
    CHECK(reply.results[0].status == RecordStatus::Stored);
    const auto stored = s->records();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].payload == r.payload);
    CHECK(sha256Hex(stored[0].payload) == r.sha256);
    // Sent again, it is recognised byte for byte as the same record.
    CHECK(s->ingestBatch(d, "b-escapes-2", {r}, 200).reply.results.at(0).status ==
          RecordStatus::Duplicate);
}

TEST_CASE("sql seam: copyRows writes text, integers, NULL and every byte of a blob unchanged") {
    test::TempDir dir;
    const std::string spec = test::freshDbSpec(dir);
    INFO(test::backendName());
    auto db = spec.rfind("sqlite:", 0) == 0 ? openSqliteDatabase(spec.substr(7))
                                            : openPostgresDatabase(spec, 1);
    const bool pg = db->dialect() == SqlDialect::Postgresql;
    std::string bytes;
    for (int b = 0; b < 256; ++b)
        bytes.push_back(static_cast<char>(b));
    db->transact([&](SqlSession& s) {
        s.exec(std::string("CREATE TABLE copied (t TEXT, i BIGINT, b ") + (pg ? "BYTEA" : "BLOB") +
               ")");
        s.copyRows("copied", {"t", "i", "b"},
                   {{"a\tb\nc\rd\\e \\N é", std::int64_t{-42}, SqlValue::blob(bytes)},
                    {SqlValue(), std::int64_t{7}, SqlValue()}});
    });
    db->transact([&](SqlSession& s) {
        const auto rows = s.query("SELECT t, i, b FROM copied ORDER BY i");
        REQUIRE(rows.size() == 2);
        CHECK(rows[0][0] == std::optional<std::string>("a\tb\nc\rd\\e \\N é"));
        CHECK(toInt(rows[0][1]) == -42);
        CHECK(rows[0][2] == std::optional<std::string>(bytes));
        CHECK_FALSE(rows[1][0].has_value());
        CHECK_FALSE(rows[1][2].has_value());
    });
}

TEST_CASE("sql seam: copyRows sends a copy of many rows whole, empty and long texts included") {
    test::TempDir dir;
    const std::string spec = test::freshDbSpec(dir);
    INFO(test::backendName());
    auto db = spec.rfind("sqlite:", 0) == 0 ? openSqliteDatabase(spec.substr(7))
                                            : openPostgresDatabase(spec, 1);
    // PostgreSQL sends the rows in chunks of about 64 KiB: rows on either side of a chunk's end,
    // a row longer than a chunk, and empty rows (a one-column table, so an empty text is a line
    // of its own, here also the last one) must all arrive as they were.
    std::vector<std::string> texts;
    for (int k = 0; k < 3000; ++k)
        texts.push_back(k % 7 == 0 ? std::string()
                                   : std::string(static_cast<std::size_t>(k % 300),
                                                 static_cast<char>('a' + k % 26)) +
                                         "\t\\" + std::to_string(k));
    texts.push_back(std::string(200 * 1024, 'x') + "\n");
    texts.push_back(std::string());
    std::vector<std::vector<SqlValue>> rows;
    for (const auto& t : texts)
        rows.push_back({t});
    db->transact([&](SqlSession& s) {
        s.exec("CREATE TABLE copied_many (t TEXT)");
        s.copyRows("copied_many", {"t"}, rows);
    });
    std::vector<std::string> back;
    db->transact([&](SqlSession& s) {
        back.clear();
        for (const auto& r : s.query("SELECT t FROM copied_many")) {
            REQUIRE(r[0].has_value()); // an empty text stays a text, not NULL
            back.push_back(*r[0]);
        }
    });
    std::sort(texts.begin(), texts.end());
    std::sort(back.begin(), back.end());
    CHECK(back.size() == texts.size());
    CHECK(back == texts);
}

TEST_CASE("sql seam: a statement run again after its table changed shape reads the new shape") {
    // PostgreSQL runs every statement prepared, once per connection: a table that gains a column
    // (a migration) makes the prepared plan's result type stale. One connection here, so the
    // statement, the change and the statement again all run on it.
    test::TempDir dir;
    const std::string spec = test::freshDbSpec(dir);
    INFO(test::backendName());
    auto db = test::rawDatabase(spec);
    const std::string select = "SELECT * FROM shape WHERE a = $1";
    db->transact([&](SqlSession& s) {
        s.exec("CREATE TABLE shape (a TEXT)");
        s.exec("INSERT INTO shape (a) VALUES ($1)", {"x"});
    });
    db->transact([&](SqlSession& s) { CHECK(s.query(select, {"x"}).at(0).size() == 1); });
    db->transact([](SqlSession& s) { s.exec("ALTER TABLE shape ADD COLUMN b TEXT DEFAULT 'y'"); });
    db->transact([&](SqlSession& s) {
        const auto rows = s.query(select, {"x"});
        REQUIRE(rows.size() == 1);
        REQUIRE(rows[0].size() == 2);
        CHECK(rows[0][1] == std::optional<std::string>("y"));
    });
}

TEST_CASE("sql seam: one statement run many times keeps binding each run's own values") {
    test::TempDir dir;
    const std::string spec = test::freshDbSpec(dir);
    INFO(test::backendName());
    auto db = test::rawDatabase(spec);
    db->transact([&](SqlSession& s) { s.exec("CREATE TABLE kv (k TEXT PRIMARY KEY, v BIGINT)"); });
    for (int k = 0; k < 12; ++k) // past PostgreSQL's five custom plans before a generic one
        db->transact([&](SqlSession& s) {
            s.exec("INSERT INTO kv (k, v) VALUES ($1, $2)",
                   {"k" + std::to_string(k), k % 3 == 0 ? SqlValue() : SqlValue(k)});
        });
    db->transact([&](SqlSession& s) {
        for (int k = 0; k < 12; ++k) {
            const auto rows = s.query("SELECT v FROM kv WHERE k = $1", {"k" + std::to_string(k)});
            REQUIRE(rows.size() == 1);
            if (k % 3 == 0)
                CHECK_FALSE(rows[0][0].has_value());
            else
                CHECK(toInt(rows[0][0]) == k);
        }
    });
}

TEST_CASE("storage: a batch's reply is kept whole and, on PostgreSQL, uncompressed (schema 10)") {
    test::TempDir dir;
    const std::string spec = test::freshDbSpec(dir);
    INFO(test::backendName());
    auto s = openStorage(spec);
    const auto d = test::enrolledDevice(*s);
    std::vector<WireRecord> batch;
    for (int k = 0; k < 500; ++k) // uuids, as kiosks make them: a reply of about 20 KB
        batch.push_back(test::makeRecord(newUuid(), k + 1));
    CHECK(s->ingestBatch(d, "b-uncompressed", batch, 100).reply.results.size() == 500);
    const auto again = s->ingestBatch(d, "b-uncompressed", batch, 200);
    REQUIRE(again.replayed);
    REQUIRE(again.reply.results.size() == 500);
    for (std::size_t k = 0; k < 500; ++k) {
        CHECK(again.reply.results[k].recordId == batch[k].recordId);
        CHECK(again.reply.results[k].status == RecordStatus::Stored);
    }
    auto db = test::rawDatabase(spec);
    db->transact([&](SqlSession& x) {
        CHECK(toInt(x.query("SELECT MAX(version) FROM schema_version").at(0)[0]) == 10);
        if (db->dialect() != SqlDialect::Postgresql)
            return;
        // 'e': external, out of line without compression (pglz took 0.33 ms a batch on it).
        CHECK(toText(x.query("SELECT attstorage FROM pg_attribute WHERE attrelid ="
                             " 'batches'::regclass AND attname = 'reply'")
                         .at(0)[0]) == "e");
        CHECK(toInt(x.query("SELECT COUNT(*) FROM batches WHERE pg_column_compression(reply)"
                            " IS NOT NULL")
                        .at(0)[0]) == 0);
    });
}
