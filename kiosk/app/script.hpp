// --script FILE: a journey played in the real app, one step at a time, for end-to-end tests and
// demos. Steps (a JSON array):
//   {"tap": "visible label"}       press and release on the widget showing that label
//   {"type": "text"}               characters typed on the keyboard
//   {"key": "Enter"|"Backspace"|"Escape"}
//   {"wait_text": "text", "timeout_s": 5}   until the text is visible
//   {"expect_text": "text"}  {"expect_no_text": "text"}
//   {"advance_clock_s": 120}       moves the kiosk's clock (inactivity timers)
//   {"screenshot": "name"}         PNG into --screenshots (a blank frame fails the step)
//   {"window": "1024x600"}         resizes the window (the kiosk turned or moved to another
//                                  screen): text sizes and fonts follow
//   {"wait_file": "path", "timeout_s": 10}  until the file exists (relative to the working
//                                  folder): a test that changes the world under the running
//                                  kiosk (fills its disk, frees it) says when it is done
//   {"drag": "visible text", "dy": -500, "until": "label"}
//                                  finger down on that text, moved dy pixels, lifted (drag to
//                                  scroll); with "until", repeated (at most 60 times) until an
//                                  enabled widget shows that label
// A failing step ends the run with exit 1, naming the step and listing the visible labels.
#pragma once

#include "ui/ui_context.hpp"

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace repere::app {

struct ScriptStep {
    enum class Kind {
        Tap,
        Type,
        Key,
        WaitText,
        ExpectText,
        ExpectNoText,
        AdvanceClock,
        Screenshot,
        WaitFile,
        Drag,
        Window
    } kind;
    std::string arg;           // label, text, key name, screenshot name, file
    double number = 0;         // timeout_s, advance_clock_s, drag dy
    nlohmann::json source;     // the step as written (for messages)
    std::string until;         // drag: repeat until this is visible ("" = once)
    int width = 0, height = 0; // window
};

// Parses a script; throws std::runtime_error naming the step that is malformed.
std::vector<ScriptStep> parseScript(const nlohmann::json& doc);
std::vector<ScriptStep> loadScript(const std::filesystem::path& file);

// Plays steps against the frames of the app. Per frame the loop calls:
//   beforeFrame()  -> mouse and keyboard to inject into this frame
//   afterFrame(recorder, nowMs) after drawing -> what the loop must do now
class ScriptRunner {
public:
    struct Injection {
        std::optional<ImVec2> mousePos;
        bool mouseDown = false;
        ui::UiInput input;
    };
    struct Actions {
        std::int64_t advanceClockMs = 0;
        std::optional<std::string> screenshot; // file name (no folder)
        std::optional<ImVec2> windowSize;
    };

    explicit ScriptRunner(std::vector<ScriptStep> steps) : steps_(std::move(steps)) {}

    Injection beforeFrame();
    Actions afterFrame(const ui::Recorder& recorder, std::int64_t wallMs);
    // The loop could not do what the last step asked (screenshot, window size): the run fails.
    void lastActionFailed(const std::string& why, const ui::Recorder& recorder);

    bool done() const { return index_ >= steps_.size() && !failed_; }
    // Plays the steps again from the first (--script-loop: the soak benchmark).
    void restart() {
        index_ = 0;
        phase_ = 0;
        drags_ = 0;
        stepStartMs_ = -1;
    }
    bool failed() const { return failed_; }
    const std::string& failure() const { return failure_; }
    std::size_t stepIndex() const { return index_; }

private:
    void fail(const std::string& why, const ui::Recorder& recorder) {
        failStep(index_, why, recorder);
    }
    void failStep(std::size_t step, const std::string& why, const ui::Recorder& recorder);
    void next();
    // After a frame of a step that takes several: find the target, then press and release (or
    // move) over the next frames.
    void tapFrame(const ScriptStep& st, const ui::Recorder& rec, double waited);
    void dragFrame(const ScriptStep& st, const ui::Recorder& rec, double waited);

    std::vector<ScriptStep> steps_;
    std::size_t index_ = 0;
    int phase_ = 0; // tap: 0 find, 1 hover, 2 press, 3 release, 4 settle
                    // drag: 0 find, 1 hover, 2 press, 3..8 move, 9 lift, 10 settle
    int drags_ = 0; // drags done by the current step
    ImVec2 target_{0, 0};
    std::int64_t stepStartMs_ = -1;
    bool failed_ = false;
    std::string failure_;
};

} // namespace repere::app
