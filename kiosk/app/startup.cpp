#include "app/startup.hpp"

#include "store/catalog_packages.hpp"
#include "store/data_dir.hpp"

#include <cstdio>
#include <exception>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace repere::app {
namespace {

// This worker's thread yields the CPU to the UI thread (Linux: a thread's nice value is its own):
// on a busy two-core kiosk, reading packages must not make the first screens' frames late.
// Threads it starts inherit it (the database's checkpointer: background work too).
void yieldToUi() {
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
}

// kiosk.conf names the server this kiosk belongs to; enrolment (repere enrol) is what binds it.
// Say so in the journal when the two disagree, so IT sees why results do not arrive.
void warnIfEnrolledElsewhere(store::Database& db, const std::string& expected) {
    if (expected.empty())
        return;
    std::string enrolled;
    try {
        enrolled = db.syncValue("server_url").value_or("");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "repere-kiosk: enrolment unreadable: %s\n", e.what());
        return;
    }
    if (enrolled.empty())
        std::fprintf(stderr,
                     "repere-kiosk: not enrolled; results stay on this kiosk until `repere enrol "
                     "--config /etc/repere/kiosk.conf --code -` enrols it with %s\n",
                     expected.c_str());
    else if (enrolled != expected)
        std::fprintf(stderr,
                     "repere-kiosk: enrolled with %s, but the configuration names %s; results "
                     "go to %s until the kiosk is enrolled again\n",
                     enrolled.c_str(), expected.c_str(), enrolled.c_str());
}

Prepared prepare(const KioskOptions& o, StartupTrace& trace) {
    Prepared p;
    // Quizzes: a broken package is logged for the counsellor/IT and left out; the others run.
    // The library also gets every catalogue version installed by sync once the database is open.
    p.library = std::make_unique<quiz::QuizLibrary>(
        [](const std::string& line) { std::fprintf(stderr, "repere-kiosk: %s\n", line.c_str()); });
    p.library->addBundled(o.quizzesDir);
    std::fprintf(stderr, "repere-kiosk: %zu quiz package(s) ready from %s\n",
                 p.library->loadedCount(), o.quizzesDir.string().c_str());
    trace.mark("start-up", "quiz packages read and validated");
    try {
        const auto dir = store::resolveDataDir(
            o.dataDir.empty() ? std::nullopt : std::optional<std::string>(o.dataDir.string()));
        store::ensureDataDir(dir);
        p.dataDir = dir;
        p.db = store::Database::openDataDir(dir);
        if (const auto& moved = p.db->openReport().movedAside)
            std::fprintf(stderr,
                         "repere-kiosk: the database was damaged (%s); it was moved to %s and a "
                         "new one started\n",
                         p.db->openReport().problem.c_str(), moved->string().c_str());
    } catch (const std::exception& e) {
        p.fatal = std::string("cannot open the database: ") + e.what();
        return p;
    }
    trace.mark("start-up", "database opened, checked and migrated");
    warnIfEnrolledElsewhere(*p.db, o.serverUrl);
    try {
        // Pulled by earlier syncs; later ones come via Controller::tick.
        p.library->addCatalog(store::catalogPackages(*p.db));
    } catch (const std::exception& e) {
        std::fprintf(
            stderr,
            "repere-kiosk: the catalogue list could not be read (bundled packages only): %s\n",
            e.what());
    }
    trace.mark("start-up", "catalogue versions added");
    return p;
}

} // namespace

std::future<Prepared> prepareAsync(const KioskOptions& o, StartupTrace& trace,
                                   std::function<void()> done) {
    return std::async(std::launch::async, [&o, &trace, done = std::move(done)] {
        yieldToUi();
        Prepared p = prepare(o, trace);
        done();
        return p;
    });
}

std::future<std::unique_ptr<audio::AudioService>>
startAudioAsync(const KioskOptions& o, const std::filesystem::path& dataDir, StartupTrace& trace,
                std::function<void()> done) {
    return std::async(std::launch::async, [&o, dataDir, &trace, done = std::move(done)] {
        // Not niced: the speech thread it starts inherits this thread's priority.
        std::unique_ptr<audio::AudioService> audio;
        if (o.audio == KioskOptions::Audio::None) {
            done();
            return audio;
        }
        audio::AudioSettings as;
        as.dataDir = dataDir;
        as.autoPlayInstructions = o.autoPlayInstructions;
        audio = o.audio == KioskOptions::Audio::Fake ? audio::AudioService::createFake(as)
                                                     : audio::AudioService::createDefault(as);
        if (audio->unavailable())
            std::fprintf(stderr, "repere-kiosk: sound unavailable: %s\n",
                         audio->lastError().c_str());
        trace.mark("sound", "sound devices and speech ready");
        done(); // the loop hands it to the controller
        return audio;
    });
}

} // namespace repere::app
