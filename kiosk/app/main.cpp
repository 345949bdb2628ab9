// repere-kiosk: the touch-screen app. Parses options and hands over to runKiosk().
#include "app/kiosk_app.hpp"
#include "sync/client/schedule.hpp"
#include "util/allocator_tuning.hpp"
#include "util/install_paths.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>

namespace {

// What is typed on the command line before it becomes KioskOptions.
struct Typed {
    std::string dataDir, quizzes, window, script, shots, exportDir, soundCheckMusic;
    std::string syncAt = "18:00";
    std::string audioMode = "device";
    double askS = 90, resetS = 30;
    bool noSound = false, noSync = false, noAutoPlay = false;
};

// Retention (days; -1 keeps for ever): applied at start and daily, README "Retention".
void addRetentionOptions(CLI::App& cli, repere::store::RetentionRules& keep) {
    cli.add_option("--keep-recordings-days", keep.recordingsDays,
                   "recordings of answers the server acknowledged that long ago")
        ->check(CLI::Range(-1, 36500))
        ->capture_default_str();
    cli.add_option("--keep-exports-days", keep.exportsDays, "<data dir>/exports/*")
        ->check(CLI::Range(-1, 36500))
        ->capture_default_str();
    cli.add_option("--keep-corrupt-days", keep.corruptDays,
                   "copies of a damaged database (*.corrupt-*)")
        ->check(CLI::Range(-1, 36500))
        ->capture_default_str();
    cli.add_option("--keep-audit-days", keep.auditDays, "audit log lines")
        ->check(CLI::Range(-1, 36500))
        ->capture_default_str();
    cli.add_option("--keep-acked-outbox-days", keep.ackedOutboxDays,
                   "outbox rows the server acknowledged that long ago")
        ->check(CLI::Range(-1, 36500))
        ->capture_default_str();
}

// Sound, sync, and the switches of tests and benchmarks.
void addSoundAndSyncOptions(CLI::App& cli, Typed& t, repere::app::KioskOptions& o) {
    cli.add_option("--sync-at", t.syncAt, "local time HH:MM of the end-of-day sync")
        ->capture_default_str();
    cli.add_flag("--no-sync", t.noSync, "no background sync (tests, benchmarks)");
    cli.add_flag("--no-sound", t.noSound,
                 "do not open audio devices (tests, benchmarks); same as --audio none");
    cli.add_option("--audio", t.audioMode,
                   "device: sound card; fake: no card needed (synthetic microphone, silent "
                   "real-time output); none")
        ->check(CLI::IsMember({"device", "fake", "none"}))
        ->capture_default_str();
    cli.add_option("--server", o.serverUrl,
                   "sync server this kiosk should be enrolled with (kiosk.conf; `repere enrol "
                   "--config` enrols with it)");
    cli.add_flag("--sound-check", o.soundCheck,
                 "ask \"Entendez-vous la musique ?\" after the choice of language");
    cli.add_option("--sound-check-music", t.soundCheckMusic, "music of the sound check")
        ->default_str(o.soundCheckMusic.string());
    cli.add_flag("--no-auto-play", t.noAutoPlay,
                 "instructions are read only when the speaker button is touched");
    cli.add_flag("--exit-after-first-frame", o.exitAfterFirstFrame,
                 "benchmarks: quit once the first frame is shown");
    cli.add_option("--ready-file", o.readyFile,
                   "file made once the first frame is on screen (the service's start-up check)");
    cli.add_flag("--script-loop", o.scriptLoop,
                 "benchmarks (soak): play the --script again each time it ends, until stopped");
}

// What was typed, checked and put into `o`; false (the reason printed) when a value is wrong.
bool takeTyped(const Typed& t, const std::optional<std::filesystem::path>& resources,
               repere::app::KioskOptions& o) {
    if (!t.window.empty()) {
        int w = 0, h = 0;
        if (std::sscanf(t.window.c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 240) {
            std::fprintf(stderr, "repere-kiosk: --window expects WxH, e.g. 1280x800 (got \"%s\")\n",
                         t.window.c_str());
            return false;
        }
        o.width = w;
        o.height = h;
    }
    const auto endOfDay = repere::sync::parseTimeOfDay(t.syncAt);
    if (!endOfDay) {
        std::fprintf(stderr, "repere-kiosk: --sync-at expects HH:MM, e.g. 17:30 (got \"%s\")\n",
                     t.syncAt.c_str());
        return false;
    }
    o.syncEndOfDayMinute = *endOfDay;
    o.sync = !t.noSync;
    o.audio = t.noSound || t.audioMode == "none" ? repere::app::KioskOptions::Audio::None
              : t.audioMode == "fake"            ? repere::app::KioskOptions::Audio::Fake
                                                 : repere::app::KioskOptions::Audio::Device;
    o.autoPlayInstructions = !t.noAutoPlay;
    if (!t.soundCheckMusic.empty())
        o.soundCheckMusic = t.soundCheckMusic;
    else if (resources)
        o.soundCheckMusic = *resources / "assets" / "sounds" / "sound-check.ogg";
    o.dataDir = t.dataDir;
    o.quizzesDir = t.quizzes;
    o.exportDir = t.exportDir;
    if (!t.script.empty())
        o.script = t.script;
    if (!t.shots.empty())
        o.screenshots = t.shots;
    o.idle.askAfterMs = static_cast<std::int64_t>(t.askS * 1000);
    o.idle.resetAfterMs = static_cast<std::int64_t>(t.resetS * 1000);
    return true;
}

} // namespace

int main(int argc, char** argv) {
    repere::util::tuneAllocator(); // first: see allocator_tuning.hpp
    repere::app::KioskOptions o;
    CLI::App cli{"Repère — borne de diagnostic (écran tactile)", "repere-kiosk"};
    cli.set_version_flag("--version", std::string("repere-kiosk ") + REPERE_VERSION);
    cli.set_config("--config", "",
                   "configuration file (e.g. /etc/repere/kiosk.conf): `option = value` lines; the "
                   "command line wins");
    cli.allow_config_extras(CLI::config_extras_mode::error); // a mistyped key is an error
    // Bundled quizzes and sounds: /usr/share/repere when installed, else the source tree.
    const auto resources = repere::util::ownResourceRoot();
    Typed t;
    t.quizzes = resources ? (*resources / "quizzes").string() : "quizzes";
    cli.add_option("--data-dir", t.dataDir, "data folder (database, recordings)");
    cli.add_option("--quizzes", t.quizzes, "folder of quiz packages")->capture_default_str();
    auto* win = cli.add_option("--window", t.window, "window size WxH, e.g. 1920x1080");
    auto* full = cli.add_flag("--fullscreen", o.fullscreen, "full screen on the main monitor");
    win->excludes(full);
    cli.add_option("--script", t.script, "JSON journey to play (tests, demos)")
        ->check(CLI::ExistingFile);
    cli.add_option("--screenshots", t.shots, "folder for the script's screenshots");
    cli.add_option("--idle-ask-s", t.askS,
                   "seconds without a touch before \"Vous êtes toujours là ?\"")
        ->capture_default_str();
    cli.add_option("--idle-reset-s", t.resetS,
                   "seconds after the question before saving and returning to welcome")
        ->capture_default_str();
    cli.add_option("--seed", o.seed, "attempt seed (0 = random; tests use a fixed one)");
    cli.add_option("--kiosk-id", o.kioskId, "name of this kiosk in the results")
        ->capture_default_str();
    cli.add_option("--language", o.defaultLocale,
                   "language of the instructions until the person chooses one")
        ->check(CLI::IsMember({"fr", "en"}))
        ->capture_default_str();
    cli.add_option("--export-dir", t.exportDir,
                   "where trainers' exports go, e.g. a USB stick (default: <data dir>/exports)");
    cli.add_option("--agency", o.agency, "agency name printed on the bilan");
    addSoundAndSyncOptions(cli, t, o);
    addRetentionOptions(cli, o.retention);
    CLI11_PARSE(cli, argc, argv);
    if (!takeTyped(t, resources, o))
        return 2;
    return repere::app::runKiosk(o);
}
