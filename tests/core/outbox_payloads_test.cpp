// The outbox payloads (kiosk/core/outbox/payloads.hpp): each kind round-trips, writes the very
// bytes kiosks have always sent, and refuses a payload missing a required field by the field's
// name; the records a kiosk of an earlier release left in its outbox (tests/fixtures/db), or sent
// to a server (tests/fixtures/deploy), read and re-serialise unchanged.
#include "outbox/payloads.hpp"
#include "store/database.hpp"
#include "store_test_util.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <filesystem>

using namespace repere;
using namespace repere::outbox;
using nlohmann::json;

namespace {

// Writes `p`, reads the text back by its kind, and checks it comes back equal.
template <typename T> void requireRoundTrip(const T& p) {
    const std::string text = toJson(p).dump();
    INFO(text);
    const auto direct = fromJson<T>(json::parse(text));
    REQUIRE(direct.ok());
    CHECK(*direct.value == p);
    const auto byKind = readPayload(kindOf(Payload{p}), text);
    REQUIRE(byKind.ok());
    REQUIRE(std::holds_alternative<T>(*byKind.value));
    CHECK(std::get<T>(*byKind.value) == p);
    CHECK(recordIdOf(*byKind.value) == p.uuid);
}

// The payload text `text` of kind `kind` is refused, naming `field`.
void requireRefused(const std::string& kind, const std::string& text, const std::string& field) {
    INFO(kind << " " << text);
    const auto read = readPayload(kind, text);
    CHECK_FALSE(read.ok());
    CHECK(read.error.rfind(field + ":", 0) == 0);
}

const json kResult = {{"levels", {{"lecture", "a1.1"}}}, {"maxScore", 21.0}, {"score", 3.0}};

} // namespace

TEST_CASE("outbox payloads: every kind round-trips with every member set", "[store][outbox]") {
    requireRoundTrip(BeneficiaryPayload{"b-1", "XYP4JLS", "Awa", 1700, 1600});
    requireRoundTrip(BeneficiaryPayload{"b-2", "XYP4JLS", std::nullopt, std::nullopt, 1600});
    requireRoundTrip(ConsentPayload{"c-1", "XYP4JLS", 1800});
    requireRoundTrip(AttemptPayload{"a-1", "XYP4JLS", "francais", "1.2.0", "ab12", "borne-3",
                                    8461235338777034738, "en", 1796490306639});
    requireRoundTrip(AttemptEventPayload{"e-1", "a-1", "finished", 1796490307019, kResult});
    requireRoundTrip(AttemptEventPayload{"e-2", "a-1", "paused", 1796490307019, json()});
    requireRoundTrip(ResponsePayload{"r-1", "a-1", 7, "lecture", "lec-26", 2, json{{"choice", "b"}},
                                     1.5, 2.0, "partial", 4200, 3, 1796490306655});
    requireRoundTrip(
        ManualScorePayload{"m-1", "r-1", "a-1", "Léa", 1900, json{{"clarte", 2}}, 2.0, 3.0, ""});
    requireRoundTrip(ManualScorePayload{"m-2", "r-1", "a-1", "Léa", 1900, json::object(), 1.0, 3.0,
                                        "backoffice"});
    requireRoundTrip(NotePayload{"n-1", "XYP4JLS", "a-1", "Léa", 2000, "next_step", "FLE"});
    requireRoundTrip(NotePayload{"n-2", "XYP4JLS", std::nullopt, "Léa", 2000, "note", "Vu."});
    requireRoundTrip(
        RecordingPayload{"g-1", "r-1", "a-1", "rec/r-1.ogg", std::string(64, 'a'), 48213});
}

TEST_CASE("outbox payloads: the text is the one kiosks have always sent", "[store][outbox]") {
    // Copied from tests/fixtures/deploy/server.sqlite, as a kiosk of the previous release sent
    // them (keys sorted, nulls written, doubles with their decimal point).
    const std::string attempt =
        R"({"code":"JEJ7MM6","kioskId":"borne-fixture","locale":"fr","quizHash":"6a08","quizId":)"
        R"("exemple","quizVersion":"1.1.0","seed":3646760896056087994,"startedAtMs":1796587180267,)"
        R"("uuid":"52f6be92"})";
    const std::string beneficiary =
        R"({"code":"JEJ7MM6","consentAtMs":1796587180267,"createdAtMs":1796587180267,)"
        R"("firstName":null,"uuid":"e06b3658"})";
    const std::string response =
        R"({"answer":{},"answeredAtMs":1796587180268,"attemptUuid":"52f6be92","durationMs":1000,)"
        R"("itemId":"acc-bienvenue","itemRev":1,"maxScore":0.0,"plays":0,"score":0.0,)"
        R"("sectionId":"accueil","sequence":0,"status":"unscored","uuid":"30b0f7d9"})";
    const std::string event = R"({"atMs":1796587180275,"attemptUuid":"52f6be92","event":)"
                              R"("finished","result":{"maxScore":21.0,"score":3.0},"uuid":"404b"})";
    // The other kinds as the store's writers of the previous release built them.
    const std::string score =
        R"({"atMs":1900,"attemptUuid":"a-1","maxScore":3.0,"points":{"clarte":2},)"
        R"("responseUuid":"r-1","score":2.0,"trainer":"Léa","uuid":"m-1"})";
    const std::string backOfficeScore =
        R"({"atMs":1900,"attemptUuid":"a-1","maxScore":3.0,"origin":"backoffice","points":{},)"
        R"("responseUuid":"r-1","score":1.0,"trainer":"Léa","uuid":"m-2"})";
    const std::string note = R"({"atMs":2000,"attemptUuid":null,"code":"XYP4JLS","kind":"note",)"
                             R"("text":"Vu.","trainer":"Léa","uuid":"n-2"})";
    const std::string consent = R"({"code":"XYP4JLS","consentAtMs":1800,"uuid":"c-1"})";
    const std::string recording =
        R"({"attemptUuid":"a-1","recording":"rec/r-1.ogg","responseUuid":"r-1","sha256":"ab",)"
        R"("size":48213,"uuid":"g-1"})";
    const std::vector<std::pair<const char*, std::string>> cases = {
        {kind::kAttempt, attempt},    {kind::kBeneficiary, beneficiary},
        {kind::kResponse, response},  {kind::kAttemptEvent, event},
        {kind::kManualScore, score},  {kind::kManualScore, backOfficeScore},
        {kind::kNote, note},          {kind::kConsent, consent},
        {kind::kRecording, recording}};
    for (const auto& [k, text] : cases) {
        INFO(k << " " << text);
        const auto read = readPayload(k, text);
        REQUIRE(read.ok());
        CHECK(toJson(*read.value).dump() == text);
    }
}

TEST_CASE("outbox payloads: a required field missing or mistyped is refused by its name",
          "[store][outbox]") {
    requireRefused(kind::kResponse, R"({"uuid":"r","itemId":"q1"})", "attemptUuid");
    requireRefused(kind::kResponse, R"({"uuid":"r","attemptUuid":"a"})", "itemId");
    requireRefused(kind::kResponse, R"({"uuid":"r","attemptUuid":"a","itemId":"q","score":"1"})",
                   "score");
    requireRefused(kind::kAttempt, R"({"code":"C","quizId":"q","quizVersion":"1"})", "uuid");
    requireRefused(kind::kAttempt, R"({"uuid":"a","quizId":"q","quizVersion":1})", "quizVersion");
    requireRefused(kind::kAttemptEvent, R"({"uuid":"e","attemptUuid":"a","atMs":1})", "event");
    requireRefused(kind::kManualScore, R"({"uuid":"m","attemptUuid":"a"})", "responseUuid");
    requireRefused(kind::kManualScore, R"({"uuid":"m","responseUuid":"r","points":[1]})", "points");
    requireRefused(kind::kNote, R"({"uuid":"n","code":"C","text":""})", "text");
    requireRefused(kind::kBeneficiary, R"({"uuid":"b"})", "code");
    requireRefused(kind::kConsent, R"({"uuid":"c","code":"C"})", "consentAtMs");
    requireRefused(kind::kRecording,
                   R"({"uuid":"g","responseUuid":"r","attemptUuid":"a","recording":"rec/x.ogg",)"
                   R"("size":3})",
                   "sha256");
    requireRefused(kind::kResponse, "[1,2]", "payload");
    requireRefused(kind::kResponse, "not json", "payload");
    // A kind this reader does not know is not its to judge.
    const auto unknown = readPayload("hologram", std::string("not json"));
    CHECK_FALSE(unknown.ok());
    CHECK(unknown.error.empty());
}

TEST_CASE("outbox payloads: every record an earlier kiosk left in its outbox reads unchanged",
          "[store][outbox]") {
    // kiosk-v4 and kiosk-v8 were written by the real store of their release (make_kiosk_v4.sh,
    // make_kiosk_v8_server_v4.sh); v1-v3 hold hand-made placeholders, not kiosk records.
    for (const char* name : {"kiosk-v4.sqlite", "kiosk-v8.sqlite"}) {
        repere::test::TempDir dir;
        const auto path = dir / "kiosk.db";
        std::filesystem::copy_file(
            std::filesystem::path(REPERE_SOURCE_DIR) / "tests/fixtures/db" / name, path);
        auto db = store::Database::open(path);
        db->requeueAcknowledgedAfter(0); // the acknowledged rows too: every row the kiosk wrote
        const auto records = db->assignNextBatch("fixture", 100000, SIZE_MAX);
        INFO(name);
        REQUIRE(records.size() > 70);
        for (const auto& r : records) {
            INFO(r.kind << " " << r.payload);
            const auto read = readPayload(r.kind, r.payload);
            REQUIRE(read.ok());
            CHECK(kindOf(*read.value) == r.kind);
            CHECK(recordIdOf(*read.value) == r.recordId);
            CHECK(toJson(*read.value).dump() == r.payload);
        }
    }
}

TEST_CASE("outbox payloads: every record a server received from earlier kiosks reads unchanged",
          "[store][outbox]") {
    // The release fixture's server (make_release_fixture.sh: real kiosks synced to it) and the
    // schema-4 server of make_kiosk_v8_server_v4.sh, read as files (no server code here).
    for (const char* name : {"deploy/server.sqlite", "db/server-v4.sqlite"}) {
        // A copy: the file is in WAL mode, and opening it would leave -wal and -shm files in
        // the source tree.
        repere::test::TempDir dir;
        std::filesystem::copy_file(std::filesystem::path(REPERE_SOURCE_DIR) / "tests/fixtures" /
                                       name,
                                   dir / "server.sqlite");
        SQLite::Database db(dir / "server.sqlite", SQLite::OPEN_READONLY);
        SQLite::Statement st(db, "SELECT kind, payload FROM records");
        int n = 0;
        while (st.executeStep()) {
            const std::string k = st.getColumn(0).getString();
            const std::string text = st.getColumn(1).getString();
            INFO(name << " " << k << " " << text);
            const auto read = readPayload(k, text);
            REQUIRE(read.ok());
            CHECK(toJson(*read.value).dump() == text);
            ++n;
        }
        CHECK(n > 50);
    }
}
