// `repere-server admin erase --code` (issue 14, point 9), on SQLite and on PostgreSQL: every
// record of the code (by its "code" field or through its attempts) goes, other people's stay,
// the audit line names the code only by its keyed hash; on SQLite no byte of the code or of the
// typed answer is left in the database files.
#include "store/beneficiary_code.hpp"
#include "store/erase.hpp"
#include "support/backend.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/admin.hpp"
#include "sync/server/admin_erase.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

using namespace repere;
using namespace repere::sync;
using namespace repere::sync::server;
namespace fs = std::filesystem;

namespace {

WireRecord rec(const std::string& id, std::int64_t seq, const std::string& kind,
               nlohmann::json payload) {
    WireRecord r;
    r.recordId = id;
    r.kind = kind;
    r.seq = seq;
    payload["uuid"] = id;
    r.payload = payload.dump();
    r.sha256 = sha256Hex(r.payload);
    r.createdAtMs = 1700000000000 + seq;
    return r;
}

// A person's records as a kiosk sends them; ids prefixed by `p`.
std::vector<WireRecord> person(const std::string& p, const std::string& code,
                               const std::string& word, std::int64_t seq) {
    const std::string att = p + "-att";
    return {rec(p + "-ben", seq, "beneficiary", {{"code", code}, {"firstName", "Prénom" + word}}),
            rec(att, seq + 1, "attempt", {{"code", code}, {"quizId", "francais"}}),
            rec(p + "-r1", seq + 2, "response",
                {{"attemptUuid", att}, {"answer", {{"text", "je vais " + word}}}}),
            rec(p + "-ev", seq + 3, "attempt_event", {{"attemptUuid", att}, {"event", "finish"}}),
            rec(p + "-note", seq + 4, "note",
                {{"code", code}, {"attemptUuid", nullptr}, {"text", "note " + word}})};
}

std::string bytesOfFolder(const fs::path& dir) {
    std::string all;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) {
            std::ifstream in(e.path(), std::ios::binary);
            all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
    return all;
}

} // namespace

TEST_CASE("storage: admin erase deletes every record of one code and audits a keyed hash") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    s->createEnrolCode(sha256Hex("C"), "ALI Bondy", 0, 99999);
    auto d = s->enrolDevice(sha256Hex("C"), "dev-1", "k", sha256Hex("t"), 10);
    REQUIRE(d);
    const std::string victim = store::generateBeneficiaryCode();
    std::string other = store::generateBeneficiaryCode();
    while (other == victim)
        other = store::generateBeneficiaryCode();
    auto batch = person("v", victim, "Zyxophorembre", 1);
    for (auto& r : person("o", other, "Quetzalmondine", 10))
        batch.push_back(r);
    s->ingestBatch(*d, "b1", batch, 100);
    REQUIRE(s->recordCount() == 10);

    const fs::path keyDir = dir.path() / "key";
    fs::create_directories(keyDir);
    const auto r = eraseBeneficiary(*s, store::formatBeneficiaryCode(victim), keyDir, 200);
    CHECK(r.deleted == 5);
    CHECK(s->recordCount() == 5);
    for (const auto& x : s->records()) {
        CHECK(x.recordId.rfind("o-", 0) == 0);
        CHECK(x.payload.find("Zyxophorembre") == std::string::npos);
    }
    bool audited = false;
    for (const auto& e : s->auditLog()) {
        CHECK(e.detail.find(victim) == std::string::npos);
        audited = audited || (e.event == "erase" && e.detail == r.tag);
    }
    CHECK(audited);
    CHECK(r.tag == store::codeAuditTag(keyDir, victim));
    CHECK_THROWS(eraseBeneficiary(*s, "ABC", keyDir, 300));

    if (std::string(test::backendName()) == "sqlite") {
        const std::string bytes = bytesOfFolder(dir.path());
        CHECK(bytes.find("Quetzalmondine") != std::string::npos);
        for (const std::string& needle :
             {victim, store::formatBeneficiaryCode(victim), std::string("Zyxophorembre")}) {
            INFO(needle);
            CHECK(bytes.find(needle) == std::string::npos);
        }
    }
}

TEST_CASE("storage: audit retention removes lines older than the rule, keeps the young ones") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    constexpr std::int64_t kDay = 86'400'000;
    constexpr std::int64_t kNow = 1'780'000'000'000;
    s->audit({kNow - 400 * kDay, "revoke", "dev-old", "old line"});
    s->audit({kNow - 364 * kDay, "revoke", "dev-young", "young line"});
    CHECK(applyAuditRetention(*s, -1, kNow) == 0); // switched off
    CHECK(s->auditLog().size() == 2);
    CHECK(applyAuditRetention(*s, 365, kNow) == 1);
    std::vector<std::string> details;
    for (const auto& e : s->auditLog())
        details.push_back(e.detail);
    CHECK(std::find(details.begin(), details.end(), "old line") == details.end());
    CHECK(std::find(details.begin(), details.end(), "young line") != details.end());
    CHECK(details.back() == "1 audit lines older than 365 days"); // the pass is audited
    CHECK(applyAuditRetention(*s, 365, kNow + 2 * kDay) == 1);    // the young line's turn
}

TEST_CASE("storage: admin erase also deletes the person's recordings, not a shared one") {
    test::TempDir dir;
    auto s = test::freshStorage(dir);
    INFO(test::backendName());
    s->createEnrolCode(sha256Hex("C"), "ALI Bondy", 0, 99999);
    auto d = s->enrolDevice(sha256Hex("C"), "dev-1", "k", sha256Hex("t"), 10);
    REQUIRE(d);
    const std::string victim = store::generateBeneficiaryCode();
    std::string other = store::generateBeneficiaryCode();
    while (other == victim)
        other = store::generateBeneficiaryCode();
    const std::string voice = "voix de la personne effacée " + randomHex(64);
    const std::string shared = "silence commun " + randomHex(64);
    const auto declare = [&](const std::string& id, std::int64_t seq, const std::string& att,
                             const std::string& bytes) {
        return rec(id, seq, "recording",
                   {{"attemptUuid", att},
                    {"responseUuid", id + "-resp"},
                    {"recording", "rec/" + id + ".ogg"},
                    {"sha256", sha256Hex(bytes)},
                    {"size", static_cast<std::int64_t>(bytes.size())}});
    };
    auto batch = person("v", victim, "Zyxophorembre", 1);
    for (auto& r : person("o", other, "Quetzalmondine", 10))
        batch.push_back(r);
    batch.push_back(declare("v-rec", 20, "v-att", voice));
    batch.push_back(declare("v-rec2", 21, "v-att", shared));
    batch.push_back(declare("o-rec", 22, "o-att", shared));
    s->ingestBatch(*d, "b1", batch, 100);
    for (const auto* bytes : {&voice, &shared})
        REQUIRE(s->appendUpload(*d, sha256Hex(*bytes), static_cast<std::int64_t>(bytes->size()), 0,
                                *bytes, {}, 100)
                    .status.complete);

    const fs::path keyDir = dir.path() / "key";
    fs::create_directories(keyDir);
    eraseBeneficiary(*s, victim, keyDir, 200);
    CHECK_FALSE(s->uploadData(sha256Hex(voice)));      // the erased person's voice is gone
    CHECK(s->uploadData(sha256Hex(shared)) == shared); // still declared by the other person
}
