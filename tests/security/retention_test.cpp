// Retention rules (issue 14, point 9) with an injected clock: exports and `.corrupt-*` copies by
// age, recordings once their answer was acknowledged long enough ago, acknowledged outbox rows by
// acked_at_ms, audit lines by time. Young ones stay, pending rows never go, nothing else is
// touched.
#include "store/database.hpp"
#include "store/retention_rules.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>

using namespace repere::store;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kNow = 1'780'000'000'000;

void fileAged(const fs::path& p, std::int64_t ageMs) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << "x";
    const std::chrono::sys_time<std::chrono::milliseconds> t{
        std::chrono::milliseconds(kNow - ageMs)};
    fs::last_write_time(p, std::chrono::file_clock::from_sys(t));
}

bool auditHas(Database& db, const std::string& detail) {
    for (const auto& e : db.auditLog(1000))
        if (e.detail == detail)
            return true;
    return false;
}

} // namespace

TEST_CASE("exports and .corrupt-* copies go once older than their rule, nothing else",
          "[security][retention]") {
    repere::test::TempDir dir;
    const fs::path d = dir.path();
    fileAged(d / "exports/repere-export-old/resultats.csv", 31 * kDay);
    fs::last_write_time(d / "exports/repere-export-old",
                        fs::last_write_time(d / "exports/repere-export-old/resultats.csv"));
    fileAged(d / "exports/repere-export-new/resultats.csv", 29 * kDay);
    fs::last_write_time(d / "exports/repere-export-new",
                        fs::last_write_time(d / "exports/repere-export-new/resultats.csv"));
    fileAged(d / "repere.sqlite.corrupt-20260101-000000", 40 * kDay);
    fileAged(d / "repere.sqlite.corrupt-20260601-000000", 2 * kDay);
    fileAged(d / "repere.sqlite", 400 * kDay); // the database itself is never a candidate
    fileAged(d / "repere.identity", 400 * kDay);
    fileAged(d / "rec/take.ogg", 400 * kDay); // recordings age by their answer, not here
    fileAged(d / "catalog/pkg/quiz.json", 400 * kDay);

    const auto removed = applyFileRetention(d, {}, kNow);
    CHECK(removed.size() == 2);
    CHECK_FALSE(fs::exists(d / "exports/repere-export-old"));
    CHECK(fs::exists(d / "exports/repere-export-new/resultats.csv"));
    CHECK_FALSE(fs::exists(d / "repere.sqlite.corrupt-20260101-000000"));
    CHECK(fs::exists(d / "repere.sqlite.corrupt-20260601-000000"));
    for (const char* kept :
         {"repere.sqlite", "repere.identity", "rec/take.ogg", "catalog/pkg/quiz.json"})
        CHECK(fs::exists(d / kept));

    // Two days later the young export is old enough; a rule of -1 keeps for ever.
    RetentionRules keepCorrupt;
    keepCorrupt.corruptDays = -1;
    CHECK(applyFileRetention(d, keepCorrupt, kNow + 30 * kDay).size() == 1);
    CHECK_FALSE(fs::exists(d / "exports/repere-export-new"));
    CHECK(fs::exists(d / "repere.sqlite.corrupt-20260601-000000"));
}

TEST_CASE("recordings (once the server confirmed the file), acknowledged outbox rows and audit "
          "lines go by their rules, never a pending row",
          "[security][retention]") {
    repere::test::TempDir dir;
    const fs::path d = dir.path();
    std::int64_t now = kNow;
    OpenOptions o;
    o.clock = [&] {
        return now;
    };
    auto db = Database::openDataDir(d, o);
    db->audit("cli", "test", "old line");
    NewAttempt a;
    a.code = db->registerNewBeneficiary().code;
    a.quizId = "francais";
    a.quizVersion = "1.0.0";
    a.quizHash = std::string(64, 'c');
    a.kioskId = "k";
    a.seed = 1;
    const auto att = db->startAttempt(a);
    repere::engine::Response r;
    r.attemptUuid = att.uuid;
    r.sequence = 0;
    r.sectionId = "oral";
    r.itemId = "i";
    r.answer = {{"recording", "rec/take.ogg"}, {"durationS", 2}};
    r.maxScore = 1;
    r.status = repere::engine::ResponseStatus::PendingManual;
    r.answeredAtMs = now;
    db->storeResponse(r);
    repere::engine::Response unconfirmed = r; // its file never fully reaches the server
    unconfirmed.uuid.clear();
    unconfirmed.sequence = 1;
    unconfirmed.answer = {{"recording", "rec/unconfirmed.ogg"}, {"durationS", 2}};
    db->storeResponse(unconfirmed);
    fileAged(d / "rec/take.ogg", 0);
    fileAged(d / "rec/unconfirmed.ogg", 0);
    fileAged(d / "rec/other.ogg", 0); // named by no answer: not this rule's business
    // Both files declared to the server (recording_uploads.hpp), as a sync round does.
    const auto declared = db->undeclaredRecordings();
    REQUIRE(declared.size() == 2);
    for (const auto& rec : declared)
        db->declareRecording(
            rec, RecordingBlob{std::string(64, rec.path == "rec/take.ogg" ? 'a' : 'b'), 1});
    // Everything so far acknowledged a day later, and the take's file confirmed; one more answer
    // stays pending.
    now += kDay;
    const auto batch = db->assignNextBatch("b1", 1000, 1 << 30);
    std::vector<std::string> ids;
    for (const auto& x : batch)
        ids.push_back(x.recordId);
    REQUIRE(ids.size() >= 5);
    db->markAcknowledged("b1", ids);
    REQUIRE(db->recordingsToUpload().size() == 2);
    db->confirmRecording(std::string(64, 'a'));
    REQUIRE(db->recordingsToUpload().size() == 1);
    repere::engine::Response later = r;
    later.uuid.clear();
    later.sequence = 2;
    later.answer = {{"recording", "rec/pending.ogg"}};
    later.answeredAtMs = now;
    db->storeResponse(later);
    fileAged(d / "rec/pending.ogg", 0);
    const auto pending = [&] {
        return db->pendingCount();
    };
    REQUIRE(pending() == 1);

    now = kNow + 90 * kDay; // acknowledged 89 days ago: kept
    auto rep = applyRetention(*db, d, {}, now);
    CHECK(rep.outboxRows == 0);
    CHECK(fs::exists(d / "rec/take.ogg"));
    now = kNow + 92 * kDay; // 91 days: the acknowledged rows go, the pending one stays
    rep = applyRetention(*db, d, {}, now);
    CHECK(rep.outboxRows == static_cast<std::int64_t>(ids.size()));
    CHECK(pending() == 1);
    CHECK(fs::exists(d / "rec/take.ogg"));
    now = kNow + 182 * kDay; // the recording's answer acknowledged 181 days ago
    applyRetention(*db, d, {}, now);
    CHECK_FALSE(fs::exists(d / "rec/take.ogg"));
    CHECK(fs::exists(d / "rec/unconfirmed.ogg")); // acknowledged, but the file not confirmed
    CHECK(fs::exists(d / "rec/pending.ogg"));     // its answer is not acknowledged
    CHECK(fs::exists(d / "rec/other.ogg"));
    CHECK(pending() == 1);
    CHECK(db->responsesOf(att.uuid).size() == 3); // results stay (that is `repere db purge`)
    CHECK(auditHas(*db, "old line"));
    now = kNow + 366 * kDay; // the audit line is a year old
    CHECK(applyRetention(*db, d, {}, now).auditLines >= 1);
    CHECK_FALSE(auditHas(*db, "old line"));
    CHECK(pending() == 1);
    CHECK(fs::exists(d / "rec/pending.ogg"));
}
