// Issue 18, back office access control, on SQLite and on PostgreSQL, through real HTTP: no
// session -> /login; a counsellor of agency A gets 404 for a code of agency B on every page and
// in the export, a coordinator sees both; a form without its CSRF token is 403 and changes
// nothing; every page view of a person is in the audit log.
#include "store/beneficiary_code.hpp"
#include "support/records.hpp"
#include "support/server_fixture.hpp"
#include "support/web_client.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/web_users.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using namespace repere::sync;
using namespace repere::sync::server;

namespace {

// The attempt record of `code` a kiosk sends first (francais, started `now`).
sync::WireRecord attemptRecord(const std::string& tag, const std::string& code, std::int64_t now) {
    return test::jsonRecord("att-" + tag, "attempt",
                            {{"uuid", "att-" + tag},
                             {"code", code},
                             {"quizId", "francais"},
                             {"quizVersion", "1"},
                             {"startedAtMs", now}},
                            1);
}

// Its answer to `itemId`, waiting for a trainer.
sync::WireRecord pendingAnswer(const std::string& tag, const std::string& itemId,
                               const nlohmann::json& answer, double maxScore) {
    return test::jsonRecord("resp-" + tag, "response",
                            {{"uuid", "resp-" + tag},
                             {"attemptUuid", "att-" + tag},
                             {"sequence", 0},
                             {"itemId", itemId},
                             {"answer", answer},
                             {"score", 0},
                             {"maxScore", maxScore},
                             {"status", "pending_manual"}},
                            2);
}

// One finished attempt with a written answer waiting for a trainer, synced by a kiosk of `agency`.
void seedPerson(Storage& s, const std::string& agency, const std::string& code,
                const std::string& tag) {
    const auto d = test::enrolledDevice(s, agency, "kiosk " + tag);
    const std::int64_t now = test::wallMs();
    s.ingestBatch(
        d, "b-" + tag,
        {attemptRecord(tag, code, now),
         pendingAnswer(tag, "w1", {{"text", "<script>alert(1)</script>"}}, 2),
         test::jsonRecord(
             "ev-" + tag, "attempt_event",
             {{"uuid", "ev-" + tag},
              {"attemptUuid", "att-" + tag},
              {"event", "finished"},
              {"atMs", now + 1000},
              {"result", {{"skills", {{"reading", {{"level", "a1"}, {"levelIndex", 2}}}}}}}},
             3)},
        now);
}

std::size_t scoreCount(Storage& s) {
    RecordQuery q;
    q.kinds = {"manual_score"};
    return s.findRecords(q).size();
}

} // namespace

TEST_CASE("back office: without a session every page redirects to /login") {
    INFO(test::backendName());
    test::ServerFixture srv;
    test::WebClient b(srv.port());
    for (const auto* path : {"/", "/beneficiaires", "/beneficiaires/AAVQ2QM", "/export.csv",
                             "/beneficiaires/AAVQ2QM/bilan.pdf"}) {
        auto res = b.get(path);
        INFO(path);
        CHECK(res->status == 303);
        CHECK(res->get_header_value("Location") == "/login");
    }
    auto form = b.get("/login");
    CHECK(form->status == 200);
    CHECK(form->body.find("name=\"password\"") != std::string::npos);
    // A log-in form posted without its token is refused before the password is even checked.
    auto forged = b.post("/login", {{"name", "x"}, {"password", "y"}});
    CHECK(forged->status == 403);
}

TEST_CASE("back office: a counsellor sees only their agency (404 elsewhere), a coordinator all") {
    INFO(test::backendName());
    test::ServerFixture srv;
    auto& st = *srv.storage;
    const auto codeA = store::generateBeneficiaryCode();
    const auto codeB = store::generateBeneficiaryCode();
    seedPerson(st, "ALI Bondy", codeA, "a");
    seedPerson(st, "ALI Pantin", codeB, "b");
    addWebUser(st, "ALI Bondy", "awa", "counsellor", "mot de passe awa", test::wallMs());
    addWebUser(st, "Département", "chef", "coordinator", "mot de passe chef", test::wallMs());

    test::WebClient awa(srv.port());
    awa.logIn("awa", "mot de passe awa");
    auto mine = awa.get("/beneficiaires/" + codeA);
    CHECK(mine->status == 200);
    CHECK(mine->body.find(store::formatBeneficiaryCode(codeA)) != std::string::npos);
    // The hostile answer is shown as text.
    CHECK(mine->body.find("<script>alert(1)</script>") == std::string::npos);
    CHECK(mine->body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    for (const auto& path : {"/beneficiaires/" + codeB, "/beneficiaires/" + codeB + "/bilan.pdf",
                             "/beneficiaires?code=" + codeB}) {
        INFO(path);
        CHECK(awa.get(path)->status == 404);
    }
    auto csv = awa.get("/export.csv");
    CHECK(csv->status == 200);
    CHECK(csv->body.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv->body.find(store::formatBeneficiaryCode(codeA)) != std::string::npos);
    CHECK(csv->body.find(store::formatBeneficiaryCode(codeB)) == std::string::npos);
    CHECK(csv->body.find("agence;borne") != std::string::npos);
    // Scoring a response of agency B from agency A: 404 and nothing stored.
    auto cross = awa.post(
        "/beneficiaires/" + codeB + "/scores",
        {{"csrf", test::WebClient::csrf(mine->body)}, {"response", "resp-b"}, {"score", "1"}});
    CHECK(cross->status == 404);
    CHECK(scoreCount(st) == 0);

    test::WebClient chef(srv.port());
    chef.logIn("chef", "mot de passe chef");
    CHECK(chef.get("/beneficiaires/" + codeA)->status == 200);
    CHECK(chef.get("/beneficiaires/" + codeB)->status == 200);
    auto all = chef.get("/export.csv");
    CHECK(all->body.find(store::formatBeneficiaryCode(codeB)) != std::string::npos);

    int views = 0;
    for (const auto& e : st.auditLog())
        views +=
            e.event == "web-view" && e.detail.find("user=awa code=" + codeA) != std::string::npos;
    CHECK(views == 1);
}

TEST_CASE("back office: a form without its CSRF token is 403 and changes nothing") {
    INFO(test::backendName());
    test::ServerFixture srv;
    auto& st = *srv.storage;
    const auto code = store::generateBeneficiaryCode();
    seedPerson(st, "ALI Bondy", code, "a");
    addWebUser(st, "ALI Bondy", "awa", "counsellor", "mot de passe awa", test::wallMs());
    test::WebClient awa(srv.port());
    awa.logIn("awa", "mot de passe awa");
    const auto page = awa.get("/beneficiaires/" + code);
    const auto token = test::WebClient::csrf(page->body);
    CHECK(awa.post("/beneficiaires/" + code + "/scores", {{"response", "resp-a"}, {"score", "2"}})
              ->status == 403);
    CHECK(awa.post("/beneficiaires/" + code + "/scores",
                   {{"csrf", std::string(64, 'a')}, {"response", "resp-a"}, {"score", "2"}})
              ->status == 403);
    CHECK(scoreCount(st) == 0);
    CHECK(awa.post("/logout", {})->status == 403);
    CHECK(awa.get("/")->status == 200); // still signed in
    auto scored = awa.post("/beneficiaires/" + code + "/scores",
                           {{"csrf", token}, {"response", "resp-a"}, {"score", "3"}});
    CHECK(scored->status == 400); // above the answer's 2 points: nothing stored
    CHECK(scoreCount(st) == 0);
    scored = awa.post("/beneficiaires/" + code + "/scores",
                      {{"csrf", token}, {"response", "resp-a"}, {"score", "1,5"}});
    CHECK(scored->status == 303);
    CHECK(scoreCount(st) == 1);
    CHECK(awa.get("/beneficiaires/" + code)->body.find("1,5 / 2 — awa") != std::string::npos);
    CHECK(awa.post("/logout", {{"csrf", token}})->status == 303);
    CHECK(awa.get("/")->status == 303);
}

namespace {

// A spoken answer of `code` with its recording declared and uploaded whole by a kiosk of
// `agency`, as the sync client does it (records first, then the file).
void seedRecording(Storage& s, const std::string& agency, const std::string& code,
                   const std::string& tag, const std::string& bytes) {
    const auto d = test::enrolledDevice(s, agency, "kiosk " + tag);
    const std::int64_t now = test::wallMs();
    s.ingestBatch(
        d, "b-" + tag,
        {attemptRecord(tag, code, now),
         pendingAnswer(tag, "parler", {{"recording", "rec/" + tag + ".ogg"}, {"durationS", 3}}, 3),
         test::jsonRecord("rec-" + tag, "recording",
                          {{"uuid", "rec-" + tag},
                           {"responseUuid", "resp-" + tag},
                           {"attemptUuid", "att-" + tag},
                           {"recording", "rec/" + tag + ".ogg"},
                           {"sha256", sha256Hex(bytes)},
                           {"size", static_cast<std::int64_t>(bytes.size())}},
                          3)},
        now);
    REQUIRE(s.appendUpload(d, sha256Hex(bytes), static_cast<std::int64_t>(bytes.size()), 0, bytes,
                           {}, now)
                .status.complete);
}

} // namespace

TEST_CASE("back office: a recording plays for users of its agency only (404 elsewhere), each "
          "listening audited") {
    INFO(test::backendName());
    test::ServerFixture srv;
    auto& st = *srv.storage;
    const auto codeA = store::generateBeneficiaryCode();
    const auto codeB = store::generateBeneficiaryCode();
    const std::string voiceA = "OggS voice of A " + randomHex(200);
    const std::string voiceB = "OggS voice of B " + randomHex(200);
    seedRecording(st, "ALI Bondy", codeA, "a", voiceA);
    seedRecording(st, "ALI Pantin", codeB, "b", voiceB);
    addWebUser(st, "ALI Bondy", "awa", "counsellor", "mot de passe awa", test::wallMs());
    addWebUser(st, "Département", "chef", "coordinator", "mot de passe chef", test::wallMs());
    const std::string mineUrl = "/beneficiaires/" + codeA + "/enregistrements/resp-a.ogg";
    const std::string otherUrl = "/beneficiaires/" + codeB + "/enregistrements/resp-b.ogg";

    test::WebClient anonymous(srv.port());
    CHECK(anonymous.get(mineUrl)->status == 303); // no session: to /login

    test::WebClient awa(srv.port());
    awa.logIn("awa", "mot de passe awa");
    auto page = awa.get("/beneficiaires/" + codeA);
    CHECK(page->body.find("<audio controls") != std::string::npos);
    CHECK(page->body.find(mineUrl) != std::string::npos);
    auto mine = awa.get(mineUrl);
    CHECK(mine->status == 200);
    CHECK(mine->body == voiceA);
    CHECK(mine->get_header_value("Content-Type") == "audio/ogg");
    for (const auto& path : {otherUrl,
                             // the other agency's response under one's own code
                             "/beneficiaires/" + codeA + "/enregistrements/resp-b.ogg",
                             "/beneficiaires/" + codeA + "/enregistrements/resp-x.ogg"}) {
        INFO(path);
        auto res = awa.get(path);
        CHECK(res->status == 404);
        CHECK(res->body.find(voiceB.substr(0, 20)) == std::string::npos);
    }

    test::WebClient chef(srv.port());
    chef.logIn("chef", "mot de passe chef");
    CHECK(chef.get(otherUrl)->body == voiceB);

    int listened = 0;
    for (const auto& e : st.auditLog())
        listened +=
            e.event == "web-recording" && e.detail == "user=awa code=" + codeA + " response=resp-a";
    CHECK(listened == 1);
}
