#include "app/kiosk_app.hpp"

#include "app/controller.hpp"
#include "app/script.hpp"
#include "app/sync_worker.hpp"
#include "audio/audio_service.hpp"
#include "platform/clock.hpp"
#include "platform/fonts.hpp"
#include "platform/screenshot.hpp"
#include "platform/texture_cache.hpp"
#include "platform/window.hpp"
#include "quiz/quiz_library.hpp"
#include "store/catalog_packages.hpp"
#include "store/data_dir.hpp"
#include "ui/canvas.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <imgui.h>
#include <memory>

namespace repere::app {
namespace {

std::int64_t wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void appendUtf8(std::string& out, unsigned c) {
    if (c < 0x80)
        out += static_cast<char>(c);
    else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Keyboard input of this frame from ImGui's IO (filled by the GLFW backend).
ui::UiInput inputFromIo(const ImGuiIO& io) {
    ui::UiInput in;
    for (ImWchar c : io.InputQueueCharacters)
        appendUtf8(in.typed, c);
    in.enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
               ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter));
    in.backspace = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace));
    in.escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    return in;
}

void styleForKiosk() {
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowPadding = {0, 0};
    s.WindowBorderSize = 0;
    s.WindowRounding = 0;
    s.TouchExtraPadding = {0, 0};
    s.AntiAliasedFill = true;
    s.AntiAliasedLines = true;
}

} // namespace

int runKiosk(const KioskOptions& o) {
    const auto startMs = wallMs();

    std::unique_ptr<ScriptRunner> runner;
    if (o.script) {
        try {
            runner = std::make_unique<ScriptRunner>(loadScript(*o.script));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "repere-kiosk: %s\n", e.what());
            return 2;
        }
    }

    // Quizzes: a broken package is logged for the counsellor/IT and left out; the others run.
    // The library also gets every catalogue version installed by sync once the database is open.
    quiz::QuizLibrary library(
        [](const std::string& line) { std::fprintf(stderr, "repere-kiosk: %s\n", line.c_str()); });
    library.addBundled(o.quizzesDir);
    std::fprintf(stderr, "repere-kiosk: %zu quiz package(s) ready from %s\n", library.loadedCount(),
                 o.quizzesDir.string().c_str());

    std::unique_ptr<store::Database> db;
    std::filesystem::path dataDir;
    try {
        const auto dir = store::resolveDataDir(
            o.dataDir.empty() ? std::nullopt : std::optional<std::string>(o.dataDir.string()));
        store::ensureDataDir(dir);
        dataDir = dir;
        db = store::Database::openDataDir(dir);
        if (const auto& moved = db->openReport().movedAside)
            std::fprintf(stderr,
                         "repere-kiosk: the database was damaged (%s); it was moved to %s and a "
                         "new one started\n",
                         db->openReport().problem.c_str(), moved->string().c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "repere-kiosk: cannot open the database: %s\n", e.what());
        return 2;
    }
    try {
        library.addCatalog(
            store::catalogPackages(*db)); // pulled earlier; later ones come via Controller::tick
    } catch (const std::exception& e) {
        std::fprintf(
            stderr,
            "repere-kiosk: the catalogue list could not be read (bundled packages only): %s\n",
            e.what());
    }

    std::string error;
    platform::WindowOptions wo;
    wo.width = o.width;
    wo.height = o.height;
    wo.fullscreen = o.fullscreen;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing written next to the kiosk
    io.LogFilename = nullptr;
    styleForKiosk();
    auto window = platform::Window::create(wo, error);
    if (!window) {
        std::fprintf(stderr, "repere-kiosk: %s\n", error.c_str());
        ImGui::DestroyContext();
        return 2;
    }

    platform::FontSet fonts;
    float fontScale = -1;
    auto ensureFonts = [&] {
        const ImVec2 size{static_cast<float>(window->framebufferWidth()),
                          static_cast<float>(window->framebufferHeight())};
        const float scale = ui::textScaleFor(size);
        if (scale == fontScale)
            return;
        std::string ferr;
        if (!platform::buildFonts(*io.Fonts, scale, fonts, ferr))
            std::fprintf(stderr, "repere-kiosk: %s\n", ferr.c_str());
        if (fontScale >= 0)
            window->fontsChanged();
        fontScale = scale;
    };
    ensureFonts();

    // Sync runs on its own thread with its own database connection; a status change wakes the
    // loop so an open sync panel redraws, and nothing else does.
    std::atomic<bool> syncChanged{false};
    std::unique_ptr<SyncWorker> syncWorker;
    if (o.sync) {
        SyncWorkerOptions so;
        so.dataDir = dataDir;
        so.endOfDayMinute = o.syncEndOfDayMinute;
        so.retention = o.retention;
        so.changed = [&syncChanged] {
            syncChanged = true;
            platform::Window::wake();
        };
        syncWorker = std::make_unique<SyncWorker>(std::move(so));
        syncWorker->start();
    }

    platform::AdjustableClock clock;
    // Sound starts after the first frame, so opening audio devices never delays the first picture.
    std::unique_ptr<audio::AudioService> audio;
    platform::TextureCache textures;
    ControllerDeps deps;
    deps.library = &library;
    deps.db = db.get();
    deps.clock = &clock;
    deps.kioskId = o.kioskId;
    deps.idle = o.idle;
    deps.seed = o.seed;
    deps.dataDir = dataDir;
    deps.exportDir = o.exportDir;
    deps.agency = o.agency;
    deps.sync = syncWorker.get(); // the trainer area's "Synchroniser maintenant" and status
    deps.soundCheck = o.soundCheck;
    deps.soundCheckMusic = o.soundCheckMusic;
    Controller controller(deps);
    ui::Recorder recorder;

    int rc = 0;
    int pendingFrames = 3; // ImGui settles in two frames after any change
    unsigned long seenEvents = window->eventCount();
    bool firstFrame = true;
    while (!window->shouldClose()) {
        if (runner || pendingFrames > 0) {
            window->pollEvents();
        } else if (controller.animating() || textures.loading()) {
            // Countdown, level meter, a sound playing, a picture being decoded: about 30
            // redraws a second, no more.
            window->waitEvents(1.0 / 30.0);
            pendingFrames = 1;
        } else {
            // Nothing moves: sleep until input or the next inactivity timer.
            const auto ms = controller.msUntilNextTimer();
            window->waitEvents(ms < 0 ? 600.0 : ms / 1000.0 + 0.01);
        }
        if (syncChanged.exchange(false))
            pendingFrames = std::max(pendingFrames, 1);
        if (window->eventCount() != seenEvents) {
            seenEvents = window->eventCount();
            pendingFrames = std::max(pendingFrames, 3);
        }
        const Screen before = controller.screen();
        controller.tick();
        if (controller.screen() != before)
            pendingFrames = std::max(pendingFrames, 3);
        if (!runner && pendingFrames <= 0)
            continue;

        ensureFonts();
        window->newFrame();
        ScriptRunner::Injection inj;
        if (runner) {
            inj = runner->beforeFrame();
            io.MousePos = inj.mousePos.value_or(ImVec2(-FLT_MAX, -FLT_MAX));
            for (bool& d : io.MouseDown)
                d = false;
            io.MouseDown[0] = inj.mouseDown;
        }
        ImGui::NewFrame();
        ui::UiInput input = inputFromIo(io);
        input.typed += inj.input.typed;
        input.enter |= inj.input.enter;
        input.backspace |= inj.input.backspace;
        input.escape |= inj.input.escape;
        if (io.MouseDown[0] || io.MouseClicked[0] || io.MouseWheel != 0 || !input.typed.empty() ||
            input.enter || input.backspace || input.escape)
            controller.noteActivity();

        const ui::Theme theme = ui::makeTheme(io.DisplaySize, fonts);
        recorder.clear();
        ui::UiContext ctx{theme, controller.locale(), &recorder, &textures, input, clock.nowMs()};
        ui::beginCanvas(theme);
        const ui::Intent intent = controller.draw(ctx);
        ui::endCanvas();
        ImGui::Render();
        window->render(ImGui::ColorConvertU32ToFloat4(ui::palette().background));

        if (runner) {
            const auto act = runner->afterFrame(recorder, wallMs());
            if (act.screenshot && o.screenshots) {
                std::string serr;
                if (!platform::saveScreenshot(window->framebufferWidth(),
                                              window->framebufferHeight(),
                                              *o.screenshots / *act.screenshot, serr))
                    runner->lastActionFailed("screenshot: " + serr, recorder);
            }
            if (act.windowSize) {
                const int w = static_cast<int>(act.windowSize->x),
                          h = static_cast<int>(act.windowSize->y);
                if (!window->resize(w, h, 2.0))
                    runner->lastActionFailed("the window did not take the size " +
                                                 std::to_string(w) + "x" + std::to_string(h) +
                                                 " (is the screen large enough?)",
                                             recorder);
                pendingFrames = std::max(pendingFrames, 3);
            }
            if (act.advanceClockMs)
                clock.advance(act.advanceClockMs);
        }
        window->swap();
        if (firstFrame) {
            firstFrame = false;
            std::fprintf(stderr, "repere-kiosk: first frame after %lld ms\n",
                         static_cast<long long>(wallMs() - startMs));
            if (o.exitAfterFirstFrame)
                break;
            if (o.audio != KioskOptions::Audio::None) {
                audio::AudioSettings as;
                as.dataDir = dataDir;
                as.autoPlayInstructions = o.autoPlayInstructions;
                audio = o.audio == KioskOptions::Audio::Fake
                            ? audio::AudioService::createFake(as)
                            : audio::AudioService::createDefault(as);
                audio->setWake([] { platform::Window::wake(); });
                if (audio->unavailable())
                    std::fprintf(stderr, "repere-kiosk: sound unavailable: %s\n",
                                 audio->lastError().c_str());
                controller.setAudio(audio.get());
            }
        }
        if (audio)
            audio->update();

        controller.apply(intent);
        if (!ui::isNone(intent) || controller.screen() != before)
            pendingFrames = std::max(pendingFrames, 3);
        --pendingFrames;

        if (runner && runner->failed()) {
            std::fprintf(stderr, "repere-kiosk: %s\n", runner->failure().c_str());
            rc = 1;
            break;
        }
        if (runner && runner->done()) {
            std::fprintf(stderr, "repere-kiosk: script passed (%zu steps)\n", runner->stepIndex());
            break;
        }
    }
    if (syncWorker)
        syncWorker->stop(); // cuts a round in flight; before the window goes
    controller.setAudio(nullptr);
    audio.reset();
    textures.clear();
    window.reset();
    ImGui::DestroyContext();
    return rc;
}

} // namespace repere::app
