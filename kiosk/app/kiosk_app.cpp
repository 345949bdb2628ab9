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
#include "util/private_files.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
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

// --ready-file: tells deploy/kiosk-session that the screen shows the kiosk. Not fatal when it
// cannot be made (the service then restarts the kiosk, and this line says why).
void signalReady(const std::filesystem::path& file) {
    if (file.empty())
        return;
    try {
        util::ensurePrivateFile(file);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "repere-kiosk: --ready-file: %s\n", e.what());
    }
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

// One run of the kiosk: start-up, the event-driven loop, shut-down. Its members are what
// runKiosk() used to keep in locals; the order of the steps inside each method is the order the
// loop has always used (first-frame timing depends on it: bench/kiosk/README.md).
class KioskRun {
public:
    explicit KioskRun(const KioskOptions& o) : o_(o), startMs_(wallMs()), trace_(o.startedAt) {}

    int run();

private:
    bool openWindow();
    void ensureFonts();
    void startAudio();
    bool takePrepared();
    void startPreparing();
    void waitPrepared() {
        if (prepared_.valid()) // not taken yet
            prepared_.wait();
    }
    // Before a frame: start-up results, sound, and sleeping until something needs a frame.
    // False when the kiosk cannot start.
    bool waitForWork(Screen& before);
    ui::Intent drawFrame();
    void scriptActions();
    // After a frame: the first frame's bookkeeping, then the intent applied. False: stop the loop.
    bool afterFrame(const ui::Intent& intent, Screen before);
    void shutdown();

    const KioskOptions& o_;
    const std::int64_t startMs_;
    StartupTrace trace_;
    std::unique_ptr<ScriptRunner> runner_;
    std::mutex wakeMutex_;
    bool windowUp_ = false;
    bool preparing_ = false;
    std::future<Prepared> prepared_;
    std::unique_ptr<ImFontAtlas> atlas_;
    platform::FontSet fonts_;
    float fontScale_ = 0;
    std::unique_ptr<platform::Window> window_;
    // What needs the database starts once it is open (takePrepared).
    std::atomic<bool> syncChanged_{false};
    // Set by a start-up worker just before its result is ready, then the loop is woken: the loop
    // waits for that result instead of only testing it. Tested alone, a wake that came a moment
    // before the result was lost, and the controller (with it the sync worker and the sound)
    // waited for the first touch.
    std::atomic<bool> preparedDone_{false};
    std::atomic<bool> audioDone_{false};
    std::unique_ptr<store::Database> db_;
    std::unique_ptr<quiz::QuizLibrary> library_;
    std::filesystem::path dataDir_;
    std::unique_ptr<SyncWorker> syncWorker_;
    std::unique_ptr<Controller> controller_;
    platform::AdjustableClock clock_;
    std::unique_ptr<audio::AudioService> audio_;
    std::future<std::unique_ptr<audio::AudioService>> audioStarting_;
    platform::TextureCache textures_;
    ui::Recorder recorder_;
    int rc_ = 0;
    bool firstFrameShown_ = false;
    bool audioStarted_ = false;
    int pendingFrames_ = 3; // ImGui settles in two frames after any change
    unsigned long seenEvents_ = 0;
    Screen shownScreen_ = Screen::Welcome;
};

// The fonts are baked on a worker while the window and its OpenGL context are made. No ImGui
// context exists until both are done (the atlas is handed to it then), so the worker shares
// nothing with this thread; a window of another size than asked rebakes (ensureFonts).
bool KioskRun::openWindow() {
    std::string error;
    platform::WindowOptions wo;
    wo.width = o_.width;
    wo.height = o_.height;
    wo.fullscreen = o_.fullscreen;
    if (o_.fullscreen)
        platform::Window::screenSize(wo.width, wo.height); // the size the fonts are baked for
    atlas_ = std::make_unique<ImFontAtlas>();
    const float bakedScale =
        ui::textScaleFor({static_cast<float>(wo.width), static_cast<float>(wo.height)});
    auto baking = std::async(std::launch::async, [&] {
        std::string ferr;
        if (!platform::buildFonts(*atlas_, bakedScale, fonts_, ferr))
            std::fprintf(stderr, "repere-kiosk: %s\n", ferr.c_str());
        trace_.mark("fonts", "fonts baked");
    });
    window_ = platform::Window::open(wo, error);
    trace_.mark("ui", "window and OpenGL context created");
    baking.wait();
    if (!window_) {
        std::fprintf(stderr, "repere-kiosk: %s\n", error.c_str());
        return false;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext(atlas_.get());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing written next to the kiosk
    io.LogFilename = nullptr;
    styleForKiosk();
    window_->attachImGui();
    {
        std::lock_guard lock(wakeMutex_);
        windowUp_ = true;
    }
    fontScale_ = bakedScale;
    ensureFonts();
    trace_.mark("ui", "ImGui context, GL objects and font texture ready");
    return true;
}

void KioskRun::ensureFonts() {
    const ImVec2 size{static_cast<float>(window_->framebufferWidth()),
                      static_cast<float>(window_->framebufferHeight())};
    const float scale = ui::textScaleFor(size);
    if (scale == fontScale_)
        return;
    std::string ferr;
    if (!platform::buildFonts(*ImGui::GetIO().Fonts, scale, fonts_, ferr))
        std::fprintf(stderr, "repere-kiosk: %s\n", ferr.c_str());
    window_->fontsChanged();
    fontScale_ = scale;
}

// Sound starts after the first frame, on a worker: opening audio devices never delays a
// picture. It needs the data folder, so it waits for the start-up work too.
void KioskRun::startAudio() {
    if (audioStarted_ || !firstFrameShown_ || !controller_ || o_.audio == KioskOptions::Audio::None)
        return;
    audioStarted_ = true;
    audioStarting_ = startAudioAsync(o_, dataDir_, trace_, [this] {
        audioDone_ = true;
        platform::Window::wake();
    });
}

// Quizzes, database and catalogue are made on a worker started once the first frame is shown:
// the welcome screen does not need them (startup.hpp). Started with the window, the worker took
// CPU from it on a two-core machine: the first frame came 5-10 % later and the packages were read
// no sooner (bench/kiosk/README.md). The worker wakes the loop when done; a touch before that
// waits for it.
void KioskRun::startPreparing() {
    if (preparing_)
        return;
    preparing_ = true;
    prepared_ = prepareAsync(o_, trace_, [this] {
        preparedDone_ = true;
        std::lock_guard lock(wakeMutex_);
        if (windowUp_)
            platform::Window::wake();
    });
}

// The worker's result becomes the controller; false when the kiosk cannot start.
bool KioskRun::takePrepared() {
    Prepared p = prepared_.get();
    if (!p.fatal.empty()) {
        std::fprintf(stderr, "repere-kiosk: %s\n", p.fatal.c_str());
        return false;
    }
    library_ = std::move(p.library);
    db_ = std::move(p.db);
    dataDir_ = p.dataDir;
    // Sync runs on its own thread with its own database connection; a status change wakes the
    // loop so an open sync panel redraws, and nothing else does.
    if (o_.sync) {
        SyncWorkerOptions so;
        so.dataDir = dataDir_;
        so.endOfDayMinute = o_.syncEndOfDayMinute;
        so.retention = o_.retention;
        so.changed = [this] {
            syncChanged_ = true;
            platform::Window::wake();
        };
        syncWorker_ = std::make_unique<SyncWorker>(std::move(so));
        syncWorker_->start();
    }
    ControllerDeps deps;
    deps.library = library_.get();
    deps.db = db_.get();
    deps.clock = &clock_;
    deps.kioskId = o_.kioskId;
    deps.idle = o_.idle;
    deps.seed = o_.seed;
    deps.dataDir = dataDir_;
    deps.exportDir = o_.exportDir;
    deps.agency = o_.agency;
    deps.sync = syncWorker_.get(); // the trainer area's "Synchroniser maintenant" and status
    deps.soundCheck = o_.soundCheck;
    deps.soundCheckMusic = o_.soundCheckMusic;
    deps.defaultLocale = o_.defaultLocale;
    controller_ = std::make_unique<Controller>(deps);
    trace_.mark("ui", "controller ready");
    startAudio();
    return true;
}

bool KioskRun::waitForWork(Screen& before) {
    auto isReady = [](const auto& future) {
        return future.valid() &&
               future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    };
    if (!controller_ && prepared_.valid() && (preparedDone_ || isReady(prepared_))) {
        if (!takePrepared())
            return false;
        pendingFrames_ = std::max(pendingFrames_, 1);
    }
    if (audioStarting_.valid() && (audioDone_ || isReady(audioStarting_))) {
        audio_ = audioStarting_.get();
        if (audio_) {
            audio_->setWake([] { platform::Window::wake(); });
            if (controller_)
                controller_->setAudio(audio_.get());
        }
    }
    if (runner_ || pendingFrames_ > 0) {
        window_->pollEvents();
    } else if (controller_ && (controller_->animating() || textures_.loading())) {
        // Countdown, level meter, a sound playing, a picture being decoded: about 30 redraws a
        // second, no more.
        window_->waitEvents(1.0 / 30.0);
        pendingFrames_ = 1;
    } else {
        // Nothing moves: sleep until input, the next inactivity timer or a worker's news.
        const auto ms = controller_ ? controller_->msUntilNextTimer() : -1;
        window_->waitEvents(ms < 0 ? 600.0 : ms / 1000.0 + 0.01);
    }
    if (syncChanged_.exchange(false))
        pendingFrames_ = std::max(pendingFrames_, 1);
    if (window_->eventCount() != seenEvents_) {
        seenEvents_ = window_->eventCount();
        pendingFrames_ = std::max(pendingFrames_, 3);
    }
    before = controller_ ? controller_->screen() : Screen::Welcome;
    if (controller_) {
        // Something that moved stopped in tick() (a PIN check answered: the page changes
        // without a touch): let ImGui settle as after an input.
        const bool wasAnimating = controller_->animating();
        controller_->tick();
        if (controller_->screen() != before || (wasAnimating && !controller_->animating()))
            pendingFrames_ = std::max(pendingFrames_, 3);
    }
    return true;
}

ui::Intent KioskRun::drawFrame() {
    ImGuiIO& io = ImGui::GetIO();
    ensureFonts();
    window_->newFrame();
    ScriptRunner::Injection inj;
    if (runner_) {
        inj = runner_->beforeFrame();
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
    if (controller_ && (io.MouseDown[0] || io.MouseClicked[0] || io.MouseWheel != 0 ||
                        !input.typed.empty() || input.enter || input.backspace || input.escape))
        controller_->noteActivity();

    const ui::Theme theme = ui::makeTheme(io.DisplaySize, fonts_);
    recorder_.clear();
    ui::UiContext ctx{theme,      controller_ ? controller_->locale() : o_.defaultLocale,
                      &recorder_, &textures_,
                      input,      clock_.nowMs()};
    ui::beginCanvas(theme);
    // Until start-up is done, the welcome screen as the controller draws it.
    const ui::Intent intent = controller_ ? controller_->draw(ctx) : welcomeScreen(ctx);
    ui::endCanvas();
    ImGui::Render();
    if (!firstFrameShown_)
        trace_.mark("ui", "first frame laid out (screens, ImGui)");
    window_->render(ImGui::ColorConvertU32ToFloat4(ui::palette().background));
    if (!firstFrameShown_)
        trace_.mark("ui", "first frame drawn (OpenGL)");
    return intent;
}

// What the script asked for after this frame: a screenshot, a window size, the clock moved.
void KioskRun::scriptActions() {
    const auto act = runner_->afterFrame(recorder_, wallMs());
    if (act.screenshot && o_.screenshots) {
        std::string serr;
        if (!platform::saveScreenshot(window_->framebufferWidth(), window_->framebufferHeight(),
                                      *o_.screenshots / *act.screenshot, serr))
            runner_->lastActionFailed("screenshot: " + serr, recorder_);
    }
    if (act.windowSize) {
        const int w = static_cast<int>(act.windowSize->x), h = static_cast<int>(act.windowSize->y);
        if (!window_->resize(w, h, 2.0))
            runner_->lastActionFailed("the window did not take the size " + std::to_string(w) +
                                          "x" + std::to_string(h) +
                                          " (is the screen large enough?)",
                                      recorder_);
        pendingFrames_ = std::max(pendingFrames_, 3);
    }
    if (act.advanceClockMs)
        clock_.advance(act.advanceClockMs);
}

bool KioskRun::afterFrame(const ui::Intent& intent, Screen before) {
    if (!firstFrameShown_) {
        firstFrameShown_ = true;
        trace_.mark("ui", "first frame shown");
        startPreparing();
        std::fprintf(stderr, "repere-kiosk: first frame after %lld ms\n",
                     static_cast<long long>(wallMs() - startMs_));
        signalReady(o_.readyFile);
        if (o_.exitAfterFirstFrame) {
            waitPrepared(); // its worker uses `o` and `trace`
            return false;
        }
        startAudio();
    }
    if (audio_)
        audio_->update();

    if (!controller_ && !ui::isNone(intent)) {
        // A touch before start-up finished: wait for it (rarely long), then act on it.
        waitPrepared();
        if (!takePrepared()) {
            rc_ = 2;
            return false;
        }
    }
    if (controller_) {
        controller_->apply(intent);
        if (!ui::isNone(intent) || controller_->screen() != before)
            pendingFrames_ = std::max(pendingFrames_, 3);
        // Back on the welcome screen: nothing of the last person's pictures needs to stay.
        if (controller_->screen() == Screen::Welcome && shownScreen_ != Screen::Welcome)
            textures_.clear();
        shownScreen_ = controller_->screen();
    }
    --pendingFrames_;

    if (runner_ && runner_->failed()) {
        std::fprintf(stderr, "repere-kiosk: %s\n", runner_->failure().c_str());
        rc_ = 1;
        return false;
    }
    if (runner_ && runner_->done()) {
        std::fprintf(stderr, "repere-kiosk: script passed (%zu steps)\n", runner_->stepIndex());
        if (!o_.scriptLoop)
            return false;
        runner_->restart();
    }
    return true;
}

void KioskRun::shutdown() {
    waitPrepared(); // its worker uses `o` and `trace`
    if (audioStarting_.valid())
        audio_ = audioStarting_.get();
    if (syncWorker_)
        syncWorker_->stop(); // cuts a round in flight; before the window goes
    if (controller_)
        controller_->setAudio(nullptr);
    audio_.reset();
    controller_.reset();
    textures_.clear();
    window_.reset();
    ImGui::DestroyContext();
    atlas_.reset(); // shared with the context, not owned by it
}

int KioskRun::run() {
    trace_.mark("ui", "runKiosk");
    if (o_.script) {
        try {
            runner_ = std::make_unique<ScriptRunner>(loadScript(*o_.script));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "repere-kiosk: %s\n", e.what());
            return 2;
        }
    }
    if (!openWindow()) {
        waitPrepared();
        return 2;
    }
    seenEvents_ = window_->eventCount();
    while (!window_->shouldClose()) {
        Screen before = Screen::Welcome;
        if (!waitForWork(before)) {
            rc_ = 2;
            break;
        }
        if (!runner_ && pendingFrames_ <= 0)
            continue;
        const ui::Intent intent = drawFrame();
        if (runner_)
            scriptActions();
        window_->swap();
        if (!afterFrame(intent, before))
            break;
    }
    shutdown();
    return rc_;
}

} // namespace

int runKiosk(const KioskOptions& o) {
    KioskRun run(o);
    return run.run();
}

} // namespace repere::app
