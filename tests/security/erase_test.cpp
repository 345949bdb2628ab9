// Erasure of one beneficiary (issue 14, point 9): after `repere erase --code ABC-DEFG`, a byte
// search of every file of the data folder finds neither form of the code nor the person's typed
// answers, note or recording, while another person's data is intact; the audit line names the
// code only by a keyed hash.
#include "cli_run.hpp"
#include "store/beneficiary_code.hpp"
#include "store/data_dir.hpp"
#include "store/database.hpp"
#include "store/erase.hpp"
#include "store/ids.hpp"
#include "support/temp_dir.hpp"
#include "util/digest.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <sys/stat.h>

using namespace repere::store;
using repere::test::runCommand;
using repere::test::shellQuote;
namespace fs = std::filesystem;

namespace {

std::string bytesOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const fs::path& p, const std::string& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// Every file of the folder (recursively) that holds `needle`.
std::vector<std::string> filesHolding(const fs::path& dir, const std::string& needle) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file() && bytesOf(e.path()).find(needle) != std::string::npos) {
            out.push_back(e.path().string());
        }
    }
    return out;
}

repere::engine::Response answer(const std::string& attempt, int seq, nlohmann::json value) {
    repere::engine::Response r;
    r.attemptUuid = attempt;
    r.sequence = seq;
    r.sectionId = "ecrit";
    r.itemId = "item-" + std::to_string(seq);
    r.itemRev = 1;
    r.answer = std::move(value);
    r.score = 0;
    r.maxScore = 1;
    r.status = repere::engine::ResponseStatus::Ok;
    r.durationMs = 1000;
    r.plays = 1;
    return r;
}

NewAttempt attemptOf(const std::string& code) {
    NewAttempt a;
    a.code = code;
    a.quizId = "francais";
    a.quizVersion = "1.0.0";
    a.quizHash = std::string(64, 'c');
    a.kioskId = "kiosk-test";
    a.seed = 3;
    return a;
}

// One person's data: an attempt with a typed answer, a recording, a manual score, a note, an
// assignment; everything acknowledged by the server, then one more answer left pending and an
// open batch (sent, not yet acknowledged) made by the caller.
std::string seedPerson(Database& db, const fs::path& data, const std::string& code,
                       const std::string& word) {
    db.registerBeneficiary(code, "Prénom" + word, 1'000);
    db.assignQuiz(code, "francais", "formatrice");
    const auto a = db.startAttempt(attemptOf(code));
    db.storeResponse(answer(a.uuid, 0, {{"selected", {"b"}}}));
    db.storeResponse(answer(a.uuid, 1, {{"text", "Je voudrais " + word + " demain"}}));
    const std::string rec = "rec/" + repere::util::newUuid() + ".ogg";
    writeBytes(data / rec, "OggS voice of " + word);
    const auto spoken = db.storeResponse(answer(a.uuid, 2, {{"recording", rec}, {"durationS", 2}}));
    db.addManualScore(spoken, "formatrice", {{"fluency", 1}}, 1, 2);
    db.addNote(code, a.uuid, "formatrice", NoteKind::Note, "note sur " + word);
    db.audit("formatrice", "report", code + " " + a.uuid + " to /tmp/bilan.pdf");
    return a.uuid;
}

void acknowledgeAll(Database& db) {
    const std::string batch = repere::util::newUuid();
    std::vector<std::string> ids;
    for (const auto& r : db.assignNextBatch(batch, 10'000, 1 << 30)) {
        ids.push_back(r.recordId);
    }
    db.markAcknowledged(batch, ids);
}

} // namespace

TEST_CASE("repere erase leaves no trace of the code or the typed answers in the data folder",
          "[security][erase]") {
    repere::test::TempDir dir;
    const fs::path data = dir.path() / "data";
    ensureDataDir(data);
    const std::string victim = generateBeneficiaryCode();
    std::string other = generateBeneficiaryCode();
    while (other == victim) {
        other = generateBeneficiaryCode();
    }
    const std::string victimWord = "Zyxophorembre";
    const std::string otherWord = "Quetzalmondine";
    {
        auto db = Database::openDataDir(data);
        const auto va = seedPerson(*db, data, victim, victimWord);
        const auto oa = seedPerson(*db, data, other, otherWord);
        acknowledgeAll(*db);
        db->storeResponse(answer(va, 3, {{"text", "encore " + victimWord}}));
        db->storeResponse(answer(oa, 3, {{"text", "encore " + otherWord}}));
        // An open batch holding records of both people.
        REQUIRE(db->assignNextBatch("open-batch", 10'000, 1 << 30).size() == 2);
        // An export folder: a CSV with both people's lines, and the victim's bilan PDF.
        writeBytes(data / "exports/repere-export-1/resultats.csv",
                   "code;score\n" + formatBeneficiaryCode(victim) + ";3\n" +
                       formatBeneficiaryCode(other) + ";4\n");
        writeBytes(data / ("exports/repere-export-1/bilan-" + victim + "-20261206.pdf"),
                   "%PDF bilan");
    }
    REQUIRE_FALSE(filesHolding(data, victimWord).empty()); // the search would find it

    // The display form, typed in lower case.
    std::string typed = formatBeneficiaryCode(victim);
    for (auto& c : typed) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const auto r = runCommand(std::string(REPERE_BIN_DIR) + "/repere erase --code " +
                              shellQuote(typed) + " --data-dir " + shellQuote(data.string()));
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output.find("erase_ok=1") != std::string::npos);
    CHECK(r.output.find(victim) == std::string::npos);

    for (const std::string& needle :
         {victim, formatBeneficiaryCode(victim), victimWord, "Prénom" + victimWord}) {
        INFO(needle);
        CHECK(filesHolding(data, needle).empty());
    }
    // The other person is intact: database rows, recording, CSV line.
    CHECK_FALSE(filesHolding(data, otherWord).empty());
    CHECK(bytesOf(data / "exports/repere-export-1/resultats.csv")
              .find(formatBeneficiaryCode(other)) != std::string::npos);
    CHECK_FALSE(fs::exists(data / ("exports/repere-export-1/bilan-" + victim + "-20261206.pdf")));

    auto db = Database::openDataDir(data);
    CHECK_FALSE(db->findBeneficiary(victim));
    REQUIRE(db->findBeneficiary(other));
    AttemptQuery q;
    q.code = other;
    const auto attempts = db->listAttempts(q);
    REQUIRE(attempts.size() == 1);
    CHECK(db->responsesOf(attempts[0].uuid).size() == 4);
    CHECK(db->notesOf(other).size() == 1);
    CHECK(db->pendingCount() == 1); // the other person's last answer
    // The open batch lost a record: what is left goes back to the pool, not under that id.
    CHECK_FALSE(db->openBatchId());

    // The audit: one erase line, with the keyed hash, and older lines rewritten to it.
    const std::string tag = codeAuditTag(data, victim);
    bool erased = false;
    for (const auto& e : db->auditLog(1000)) {
        CHECK(e.detail.find(victim) == std::string::npos);
        erased = erased || (e.action == "erase" && e.detail.rfind(tag, 0) == 0);
    }
    CHECK(erased);
    struct stat st {};
    REQUIRE(::stat((data / "repere.erase-key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("the audit hash of a code is keyed per installation", "[security][erase]") {
    repere::test::TempDir dir;
    const std::string code = generateBeneficiaryCode();
    fs::create_directories(dir.path() / "one");
    fs::create_directories(dir.path() / "two");
    const auto a = codeAuditTag(dir.path() / "one", code);
    CHECK(a == codeAuditTag(dir.path() / "one", code)); // stable on one kiosk
    CHECK(a != codeAuditTag(dir.path() / "two", code)); // another key elsewhere
    CHECK(a.size() == std::string("code#").size() + 32);
}

TEST_CASE("erase refuses an invalid code and touches nothing", "[security][erase]") {
    repere::test::TempDir dir;
    auto db = Database::openDataDir(dir.path());
    const std::string code = generateBeneficiaryCode();
    db->registerBeneficiary(code);
    CHECK_THROWS_AS(eraseBeneficiary(*db, dir.path(), "ABC", "test"), StoreError);
    CHECK(db->findBeneficiary(code));
    // The canonical form (no dash) erases.
    eraseBeneficiary(*db, dir.path(), code, "test");
    CHECK_FALSE(db->findBeneficiary(code));
}
