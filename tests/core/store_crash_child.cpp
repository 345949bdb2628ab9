// Helper for store_crash_test: stores answers of one attempt in a loop, as the kiosk does, and
// reports each one on stdout only after its transaction committed. The test SIGKILLs it at
// random moments and checks that every reported answer survived.
//
//   store_crash_child DB CODE ATTEMPT_UUID
// Prints "resume N" (answers found at start: the item to resume at), then "committed SEQ UUID"
// per answer.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "store/database.hpp"
#include "store/ids.hpp"

namespace {

void say(const std::string& line) {
    // One write() per line: what the test reads is exactly what was said before the kill.
    const std::string text = line + "\n";
    if (::write(STDOUT_FILENO, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
        std::_Exit(3);
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: store_crash_child DB CODE ATTEMPT_UUID\n");
        return 2;
    }
    using namespace repere::store;
    try {
        auto db = Database::open(argv[1]);
        const std::string code = argv[2];
        const std::string attemptUuid = argv[3];
        db->registerBeneficiary(code);
        if (!db->findAttempt(attemptUuid)) {
            NewAttempt a;
            a.uuid = attemptUuid;
            a.code = code;
            a.quizId = "francais";
            a.quizVersion = "1.0.0";
            a.quizHash = std::string(64, 'f');
            a.kioskId = "crash-test";
            a.seed = 99;
            db->startAttempt(a);
        }
        int next = static_cast<int>(db->responsesOf(attemptUuid).size());
        say("resume " + std::to_string(next));
        for (;; ++next) {
            repere::engine::Response r;
            r.attemptUuid = attemptUuid;
            r.sequence = next;
            r.sectionId = "lecture";
            r.itemId = "item-" + std::to_string(next);
            r.answer = {{"selected", {"a"}}, {"padding", std::string(static_cast<std::size_t>(next % 700), 'p')}};
            r.status = repere::engine::ResponseStatus::Ok;
            r.score = 1;
            r.maxScore = 1;
            const std::string uuid = db->storeResponse(r);
            say("committed " + std::to_string(next) + " " + uuid);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "store_crash_child: %s\n", e.what());
        return 1;
    }
}
