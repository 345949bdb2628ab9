// Diagnostics assigned by a counsellor to a code (schema v4): one current assignment per code,
// replaced by a newer one, kept across a restart, audited, refused for unknown or bad codes.
#include "store_test_util.hpp"

#include <catch2/catch.hpp>
#include <cctype>

using namespace repere::store;

namespace {
bool audited(Database& db, const std::string& action, const std::string& actor) {
    for (const auto& e : db.auditLog(100))
        if (e.action == action && e.actor == actor)
            return true;
    return false;
}
} // namespace

TEST_CASE("a diagnostic assigned to a code is kept and replaced by the next one",
          "[store][assignment]") {
    test::TempDir dir;
    test::FakeClock clock;
    const std::string code = generateBeneficiaryCode();
    {
        auto db = Database::open(dir / "k.sqlite", test::withClock(clock.fn()));
        db->registerBeneficiary(code);
        CHECK_FALSE(db->assignmentOf(code));
        const auto a = db->assignQuiz(code, "numerique", "Mme Benali");
        CHECK(a.code == code);
        CHECK(a.atMs == clock.nowMs);
        CHECK(audited(*db, "assign", "Mme Benali"));
        clock.nowMs += 60'000;
        db->assignQuiz(formatBeneficiaryCode(code), "francais",
                       "M. Okafor"); // as shown, with its dash
    }
    auto db = Database::open(dir / "k.sqlite", test::withClock(clock.fn()));
    const auto now = db->assignmentOf(code);
    REQUIRE(now);
    CHECK(now->quizId == "francais");
    CHECK(now->trainer == "M. Okafor");
    CHECK(now->atMs == clock.nowMs);
    // Lower case and separators read the same code.
    std::string typed = code;
    for (auto& c : typed)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(db->assignmentOf(typed));

    CHECK(db->clearAssignment(code, "M. Okafor"));
    CHECK_FALSE(db->assignmentOf(code));
    CHECK_FALSE(db->clearAssignment(code, "M. Okafor"));
    CHECK(audited(*db, "unassign", "M. Okafor"));
}

TEST_CASE("an assignment needs a registered valid code and a diagnostic", "[store][assignment]") {
    test::TempDir dir;
    auto db = Database::open(dir / "k.sqlite");
    const std::string code = generateBeneficiaryCode();
    try {
        db->assignQuiz(code, "francais", "Mme Benali");
        FAIL("an unknown code was assigned");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreErrorKind::NotFound);
    }
    std::string mistyped = code;
    mistyped.back() = mistyped.back() == 'A' ? 'B' : 'A'; // wrong check character
    CHECK_THROWS_AS(db->assignQuiz(mistyped, "francais", "Mme Benali"), StoreError);
    db->registerBeneficiary(code);
    CHECK_THROWS_AS(db->assignQuiz(code, "", "Mme Benali"), StoreError);
    CHECK_THROWS_AS(db->assignQuiz(code, "francais", ""), StoreError);
    // Nothing of the refused calls was stored or audited.
    CHECK_FALSE(db->assignmentOf(code));
    CHECK_FALSE(audited(*db, "assign", "Mme Benali"));
}
