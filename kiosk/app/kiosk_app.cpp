#include "app/kiosk_app.hpp"

#include "app/controller.hpp"
#include "app/script.hpp"
#include "app/startup.hpp"
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
#include "text/utf8.hpp"
#include "ui/canvas.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <future>
#include <imgui.h>
#include <memory>
#include <mutex>

namespace repere::app {
namespace {

std::int64_t wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Keyboard input of this frame from ImGui's IO (filled by the GLFW backend).
ui::UiInput inputFromIo(const ImGuiIO& io) {
    ui::UiInput in;
    for (ImWchar c : io.InputQueueCharacters)
        text::appendUtf8(in.typed, c);
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
    StartupTrace trace(o.startedAt);
    trace.mark("ui", "runKiosk");

    std::unique_ptr<ScriptRunner> runner;
    if (o.script) {
        try {
            runner = std::make_unique<ScriptRunner>(loadScript(*o.script));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "repere-kiosk: %s\n", e.what());
            return 2;
        }
    }

    // Quizzes, database and catalogue are made on a worker started once the first frame is
    // shown: the welcome screen does not need them (startup.hpp). Started with the window, the
    // worker took CPU from it on a two-core machine: the first frame came 5-10 % later and the
    // packages were read no sooner (bench/kiosk/README.md). The worker wakes the loop when done;
    // a touch before that waits for it.
    std::mutex wakeMutex;
    bool windowUp = false;
    std::future<Prepared> prepared;
    bool preparing = false;
    auto startPreparing = [&] {
        if (preparing)
            return;
        preparing = true;
        prepared = prepareAsync(o, trace, [&] {
            std::lock_guard lock(wakeMutex);
            if (windowUp)
                platform::Window::wake();
        });
    };
    auto waitPrepared = [&] {
        if (prepared.valid()) // not taken yet
            prepared.wait();
    };

    std::string error;
    platform::WindowOptions wo;
    wo.width = o.width;
    wo.height = o.height;
    wo.fullscreen = o.fullscreen;
    if (o.fullscreen)
        platform::Window::screenSize(wo.width, wo.height); // the size the fonts are baked for

    // The fonts are baked on a worker while the window and its OpenGL context are made. No ImGui
    // context exists until both are done (the atlas is handed to it then), so the worker shares
    // nothing with this thread; a window of another size than asked rebakes (ensureFonts).
    auto atlas = std::make_unique<ImFontAtlas>();
    platform::FontSet fonts;
    const float bakedScale =
        ui::textScaleFor({static_cast<float>(wo.width), static_cast<float>(wo.height)});
    auto baking = std::async(std::launch::async, [&] {
        std::string ferr;
        if (!platform::buildFonts(*atlas, bakedScale, fonts, ferr))
            std::fprintf(stderr, "repere-kiosk: %s\n", ferr.c_str());
        trace.mark("fonts", "fonts baked");
    });
    auto window = platform::Window::open(wo, error);
    trace.mark("ui", "window and OpenGL context created");
    baking.wait();
    if (!window) {
        std::fprintf(stderr, "repere-kiosk: %s\n", error.c_str());
        waitPrepared();
        return 2;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext(atlas.get());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing written next to the kiosk
    io.LogFilename = nullptr;
    styleForKiosk();
    window->attachImGui();
    {
        std::lock_guard lock(wakeMutex);
        windowUp = true;
    }

    float fontScale = bakedScale;
    auto ensureFonts = [&] {
        const ImVec2 size{static_cast<float>(window->framebufferWidth()),
                          static_cast<float>(window->framebufferHeight())};
        const float scale = ui::textScaleFor(size);
        if (scale == fontScale)
            return;
        std::string ferr;
        if (!platform::buildFonts(*io.Fonts, scale, fonts, ferr))
            std::fprintf(stderr, "repere-kiosk: %s\n", ferr.c_str());
        window->fontsChanged();
        fontScale = scale;
    };
    ensureFonts();

    // What needs the database starts once it is open (takePrepared).
    std::atomic<bool> syncChanged{false};
    std::unique_ptr<store::Database> db;
    std::unique_ptr<quiz::QuizLibrary> library;
    std::filesystem::path dataDir;
    std::unique_ptr<SyncWorker> syncWorker;
    std::unique_ptr<Controller> controller;
    platform::AdjustableClock clock;
    std::unique_ptr<audio::AudioService> audio;
    std::future<std::unique_ptr<audio::AudioService>> audioStarting;
    platform::TextureCache textures;
    ui::Recorder recorder;
    int rc = 0;
    bool firstFrameShown = false;

    // Sound starts after the first frame, on a worker: opening audio devices never delays a
    // picture. It needs the data folder, so it waits for the start-up work too.
    bool audioStarted = false;
    auto startAudio = [&] {
        if (audioStarted || !firstFrameShown || !controller || o.audio == KioskOptions::Audio::None)
            return;
        audioStarted = true;
        audioStarting = startAudioAsync(o, dataDir, trace);
    };
    // The worker's result becomes the controller; false when the kiosk cannot start.
    auto takePrepared = [&]() -> bool {
        Prepared p = prepared.get();
        if (!p.fatal.empty()) {
            std::fprintf(stderr, "repere-kiosk: %s\n", p.fatal.c_str());
            return false;
        }
        library = std::move(p.library);
        db = std::move(p.db);
        dataDir = p.dataDir;
        // Sync runs on its own thread with its own database connection; a status change wakes
        // the loop so an open sync panel redraws, and nothing else does.
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
        ControllerDeps deps;
        deps.library = library.get();
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
        deps.defaultLocale = o.defaultLocale;
        controller = std::make_unique<Controller>(deps);
        trace.mark("ui", "controller ready");
        startAudio();
        return true;
    };
    auto isReady = [](const auto& future) {
        return future.valid() &&
               future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    };

    int pendingFrames = 3; // ImGui settles in two frames after any change
    unsigned long seenEvents = window->eventCount();
    Screen shownScreen = Screen::Welcome;
    while (!window->shouldClose()) {
        if (!controller && isReady(prepared)) {
            if (!takePrepared()) {
                rc = 2;
                break;
            }
            pendingFrames = std::max(pendingFrames, 1);
        }
        if (isReady(audioStarting)) {
            audio = audioStarting.get();
            if (audio) {
                audio->setWake([] { platform::Window::wake(); });
                if (controller)
                    controller->setAudio(audio.get());
            }
        }
        if (runner || pendingFrames > 0) {
            window->pollEvents();
        } else if (controller && (controller->animating() || textures.loading())) {
            // Countdown, level meter, a sound playing, a picture being decoded: about 30
            // redraws a second, no more.
            window->waitEvents(1.0 / 30.0);
            pendingFrames = 1;
        } else {
            // Nothing moves: sleep until input, the next inactivity timer or a worker's news.
            const auto ms = controller ? controller->msUntilNextTimer() : -1;
            window->waitEvents(ms < 0 ? 600.0 : ms / 1000.0 + 0.01);
        }
        if (syncChanged.exchange(false))
            pendingFrames = std::max(pendingFrames, 1);
        if (window->eventCount() != seenEvents) {
            seenEvents = window->eventCount();
            pendingFrames = std::max(pendingFrames, 3);
        }
        const Screen before = controller ? controller->screen() : Screen::Welcome;
        if (controller) {
            // Something that moved stopped in tick() (a PIN check answered: the page changes
            // without a touch): let ImGui settle as after an input.
            const bool wasAnimating = controller->animating();
            controller->tick();
            if (controller->screen() != before || (wasAnimating && !controller->animating()))
                pendingFrames = std::max(pendingFrames, 3);
        }
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
        if (controller && (io.MouseDown[0] || io.MouseClicked[0] || io.MouseWheel != 0 ||
                           !input.typed.empty() || input.enter || input.backspace || input.escape))
            controller->noteActivity();

        const ui::Theme theme = ui::makeTheme(io.DisplaySize, fonts);
        recorder.clear();
        ui::UiContext ctx{theme,     controller ? controller->locale() : o.defaultLocale,
                          &recorder, &textures,
                          input,     clock.nowMs()};
        ui::beginCanvas(theme);
        // Until start-up is done, the welcome screen as the controller draws it.
        const ui::Intent intent = controller ? controller->draw(ctx) : welcomeScreen(ctx);
        ui::endCanvas();
        ImGui::Render();
        if (!firstFrameShown)
            trace.mark("ui", "first frame laid out (screens, ImGui)");
        window->render(ImGui::ColorConvertU32ToFloat4(ui::palette().background));
        if (!firstFrameShown)
            trace.mark("ui", "first frame drawn (OpenGL)");

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
        if (!firstFrameShown) {
            firstFrameShown = true;
            trace.mark("ui", "first frame shown");
            startPreparing();
            std::fprintf(stderr, "repere-kiosk: first frame after %lld ms\n",
                         static_cast<long long>(wallMs() - startMs));
            if (o.exitAfterFirstFrame) {
                waitPrepared(); // its worker uses `o` and `trace`
                break;
            }
            startAudio();
        }
        if (audio)
            audio->update();

        if (!controller && !ui::isNone(intent)) {
            // A touch before start-up finished: wait for it (rarely long), then act on it.
            waitPrepared();
            if (!takePrepared()) {
                rc = 2;
                break;
            }
        }
        if (controller) {
            controller->apply(intent);
            if (!ui::isNone(intent) || controller->screen() != before)
                pendingFrames = std::max(pendingFrames, 3);
            // Back on the welcome screen: nothing of the last person's pictures needs to stay.
            if (controller->screen() == Screen::Welcome && shownScreen != Screen::Welcome)
                textures.clear();
            shownScreen = controller->screen();
        }
        --pendingFrames;

        if (runner && runner->failed()) {
            std::fprintf(stderr, "repere-kiosk: %s\n", runner->failure().c_str());
            rc = 1;
            break;
        }
        if (runner && runner->done()) {
            std::fprintf(stderr, "repere-kiosk: script passed (%zu steps)\n", runner->stepIndex());
            if (!o.scriptLoop)
                break;
            runner->restart();
        }
    }
    waitPrepared(); // its worker uses `o` and `trace`
    if (audioStarting.valid())
        audio = audioStarting.get();
    if (syncWorker)
        syncWorker->stop(); // cuts a round in flight; before the window goes
    if (controller)
        controller->setAudio(nullptr);
    audio.reset();
    controller.reset();
    textures.clear();
    window.reset();
    ImGui::DestroyContext();
    atlas.reset(); // shared with the context, not owned by it
    return rc;
}

} // namespace repere::app
