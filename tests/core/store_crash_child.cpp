// Helper for store_crash_test: takes a quiz through the real engine and stores each answer as
// the kiosk does, reporting it on stdout only after its transaction committed. The test
// SIGKILLs it at random moments and checks that every reported answer survived and that the
// rebuilt attempt resumes at the item that was on screen.
//
//   store_crash_child DB CODE ATTEMPT_UUID
// Prints "resume SEQ ITEM" (answers found at start and the item the rebuilt engine shows),
// then per answer "next SEQ ITEM" (shown) and "committed SEQ UUID" (stored). When the quiz
// ends it prints "finished" and waits to be killed.
#include "engine/attempt_result.hpp"
#include "engine_fixtures.hpp"
#include "store/database.hpp"
#include "store/engine_bridge.hpp"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace {

void say(const std::string& line) {
    // One write() per line: what the test reads is exactly what was said before the kill.
    const std::string text = line + "\n";
    if (::write(STDOUT_FILENO, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
        std::_Exit(3);
    }
}

// A long quiz whose order depends on the seed: a shuffled linear section, then two adaptive
// ones. Resuming at the right item needs the right seed and every stored answer.
repere::quiz::Quiz crashQuiz() {
    using namespace repere::testing;
    std::vector<repere::quiz::Item> items;
    for (int i = 0; i < 150; ++i) {
        items.push_back(choiceItem("lin-" + std::to_string(i), "reading", -2.0 + 0.02 * i));
    }
    auto linear = linearSection("lecture", std::move(items), "reading");
    linear.shuffle = true;
    auto q = makeQuiz({linear, adaptiveSection("adapt-reading", "reading", 40),
                       adaptiveSection("adapt-listening", "listening", 40)});
    q.id = "crash";
    q.contentHash = std::string(64, 'f');
    return q;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: store_crash_child DB CODE ATTEMPT_UUID\n");
        return 2;
    }
    using namespace repere::store;
    try {
        const auto quiz = crashQuiz();
        auto db = Database::open(argv[1]);
        const std::string code = argv[2];
        const std::string attemptUuid = argv[3];
        db->registerBeneficiary(code);
        auto record = db->findAttempt(attemptUuid);
        if (!record) {
            record =
                startStoredAttempt(*db, quiz, code, "crash-test", 0xC0FFEEULL, "fr", attemptUuid);
        }
        auto attempt = rebuildStoredAttempt(*db, quiz, *record);
        const auto first = attempt.current();
        say("resume " + std::to_string(attempt.responses().size()) + " " +
            (first ? first->item->id : "-"));
        while (auto item = attempt.current()) {
            say("next " + std::to_string(item->sequence) + " " + item->item->id);
            // Answers from the item id: the same item gets the same answer in every run.
            const bool right = std::hash<std::string>{}(item->item->id) % 3 != 0;
            const auto response = attempt.answer(repere::testing::pick(right ? "a" : "b"), 2500);
            db->storeResponse(response);
            say("committed " + std::to_string(response.sequence) + " " + response.uuid);
        }
        if (db->findAttempt(attemptUuid)->status != AttemptStatus::Finished) {
            db->finishAttempt(attemptUuid,
                              repere::engine::toJson(repere::engine::attemptResult(attempt)));
        }
        say("finished");
        for (;;) {
            pause();
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "store_crash_child: %s\n", e.what());
        return 1;
    }
}
