#include "app/script.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <imgui.h>
#include <sstream>
#include <stdexcept>

namespace repere::app {

std::vector<ScriptStep> parseScript(const nlohmann::json& doc) {
    if (!doc.is_array())
        throw std::runtime_error("script: expected a JSON array of steps");
    std::vector<ScriptStep> out;
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const auto& s = doc[i];
        auto bad = [&](const std::string& why) {
            return std::runtime_error("script step " + std::to_string(i + 1) + " " + s.dump() +
                                      ": " + why);
        };
        if (!s.is_object() || s.empty())
            throw bad("expected an object such as {\"tap\": \"Commencer\"}");
        ScriptStep st{ScriptStep::Kind::Tap, {}, 0, s, {}};
        auto str = [&](const char* k) {
            if (!s.at(k).is_string())
                throw bad(std::string(k) + " needs a string");
            return s.at(k).get<std::string>();
        };
        if (s.contains("tap")) {
            st.kind = ScriptStep::Kind::Tap;
            st.arg = str("tap");
        } else if (s.contains("type")) {
            st.kind = ScriptStep::Kind::Type;
            st.arg = str("type");
        } else if (s.contains("key")) {
            st.kind = ScriptStep::Kind::Key;
            st.arg = str("key");
            if (st.arg != "Enter" && st.arg != "Backspace" && st.arg != "Escape")
                throw bad("key is Enter, Backspace or Escape");
        } else if (s.contains("wait_text")) {
            st.kind = ScriptStep::Kind::WaitText;
            st.arg = str("wait_text");
            st.number = s.value("timeout_s", 5.0);
        } else if (s.contains("expect_text")) {
            st.kind = ScriptStep::Kind::ExpectText;
            st.arg = str("expect_text");
        } else if (s.contains("expect_no_text")) {
            st.kind = ScriptStep::Kind::ExpectNoText;
            st.arg = str("expect_no_text");
        } else if (s.contains("advance_clock_s")) {
            st.kind = ScriptStep::Kind::AdvanceClock;
            if (!s.at("advance_clock_s").is_number())
                throw bad("advance_clock_s needs a number");
            st.number = s.at("advance_clock_s").get<double>();
        } else if (s.contains("screenshot")) {
            st.kind = ScriptStep::Kind::Screenshot;
            st.arg = str("screenshot");
            if (st.arg.empty() || st.arg.find('/') != std::string::npos)
                throw bad("screenshot needs a plain file name");
        } else if (s.contains("wait_file")) {
            st.kind = ScriptStep::Kind::WaitFile;
            st.arg = str("wait_file");
            if (st.arg.empty())
                throw bad("wait_file needs a path");
            st.number = s.value("timeout_s", 10.0);
        } else if (s.contains("drag")) {
            st.kind = ScriptStep::Kind::Drag;
            st.arg = str("drag");
            if (!s.contains("dy") || !s.at("dy").is_number())
                throw bad("drag needs \"dy\" (pixels, negative = up)");
            st.number = s.at("dy").get<double>();
            if (s.contains("until"))
                st.until = str("until");
        } else if (s.contains("window")) {
            st.kind = ScriptStep::Kind::Window;
            st.arg = str("window");
            char x = 0;
            std::istringstream size(st.arg);
            if (!(size >> st.width >> x >> st.height) || x != 'x' || !size.eof() ||
                st.width < 320 || st.height < 320 || st.width > 7680 || st.height > 7680)
                throw bad("window needs a size like \"1024x600\" (320 to 7680 pixels a side)");
        } else
            throw bad("unknown step");
        out.push_back(std::move(st));
    }
    return out;
}

std::vector<ScriptStep> loadScript(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in)
        throw std::runtime_error("script: cannot read " + file.string());
    try {
        return parseScript(nlohmann::json::parse(in));
    } catch (const nlohmann::json::parse_error& e) {
        throw std::runtime_error("script " + file.string() + ": not JSON: " + e.what());
    }
}

void ScriptRunner::next() {
    ++index_;
    phase_ = 0;
    drags_ = 0;
    stepStartMs_ = -1;
}

void ScriptRunner::failStep(std::size_t step, const std::string& why,
                            const ui::Recorder& recorder) {
    std::ostringstream os;
    os << "script step " << step + 1 << " " << steps_[step].source.dump() << " failed: " << why
       << "\nvisible on screen:";
    for (const auto& s : recorder.visibleStrings())
        os << "\n  " << s;
    failure_ = os.str();
    failed_ = true;
}

void ScriptRunner::lastActionFailed(const std::string& why, const ui::Recorder& recorder) {
    if (failed_ || index_ == 0)
        return;
    failStep(index_ - 1, why, recorder);
}

ScriptRunner::Injection ScriptRunner::beforeFrame() {
    Injection inj;
    if (failed_ || index_ >= steps_.size())
        return inj;
    const auto& st = steps_[index_];
    switch (st.kind) {
    case ScriptStep::Kind::Tap:
        // A real tap: the finger arrives (hover frame), presses, and lifts in separate frames.
        if (phase_ >= 1)
            inj.mousePos = target_;
        inj.mouseDown = phase_ == 2;
        if (phase_ == 4)
            inj.mousePos = ImVec2(-1e6f, -1e6f); // finger gone: nothing stays pressed
        break;
    case ScriptStep::Kind::Drag:
        // The finger rests before pressing (no jump counted as movement), then moves in 6 steps.
        if (phase_ >= 1 && phase_ <= 9) {
            const float k = static_cast<float>(std::clamp(phase_ - 2, 0, 6)) / 6.f;
            inj.mousePos = ImVec2(target_.x, target_.y + static_cast<float>(st.number) * k);
        }
        inj.mouseDown = phase_ >= 2 && phase_ <= 8;
        if (phase_ == 10)
            inj.mousePos = ImVec2(-1e6f, -1e6f);
        break;
    case ScriptStep::Kind::Type:
        if (phase_ == 1)
            inj.input.typed = st.arg;
        break;
    case ScriptStep::Kind::Key:
        if (phase_ == 1) {
            inj.input.enter = st.arg == "Enter";
            inj.input.backspace = st.arg == "Backspace";
            inj.input.escape = st.arg == "Escape";
        }
        break;
    default:
        break;
    }
    return inj;
}

void ScriptRunner::tapFrame(const ScriptStep& st, const ui::Recorder& rec, double waited) {
    if (phase_ == 0) {
        if (const auto* w = rec.findByLabel(st.arg)) {
            target_ = w->rect.center();
            phase_ = 1;
        } else if (waited > 3.0) {
            fail("no enabled button or field shows \"" + st.arg + "\"", rec);
        }
    } else if (phase_ < 4) {
        ++phase_;
    } else {
        next();
    }
}

void ScriptRunner::dragFrame(const ScriptStep& st, const ui::Recorder& rec, double waited) {
    if (phase_ == 0) {
        // Reached: an enabled widget with that label (a half-scrolled, disabled one is not).
        if (!st.until.empty() && rec.findByLabel(st.until)) {
            next();
            return;
        }
        // Of the texts showing it (a scrolled list repeats words), the one nearest a point low
        // on the screen: texts clipped under a page's fixed top part are recorded too, and a
        // press there would not land in the scrolled area.
        const float middle = ImGui::GetCurrentContext() ? ImGui::GetIO().DisplaySize.y * 0.7f : 0.f;
        const ui::Rect* where = nullptr;
        for (const auto& t : rec.texts())
            if (t.text.find(st.arg) != std::string::npos &&
                (!where ||
                 std::abs(t.rect.center().y - middle) < std::abs(where->center().y - middle)))
                where = &t.rect;
        if (where) {
            target_ = ImVec2(where->min.x + 8, where->center().y);
            phase_ = 1;
        } else if (waited > 3.0) {
            fail("no text shows \"" + st.arg + "\" to drag", rec);
        }
    } else if (phase_ < 10) {
        ++phase_;
    } else if (st.until.empty()) {
        next();
    } else if (++drags_ >= 60) {
        fail("\"" + st.until + "\" did not appear after 60 drags", rec);
    } else {
        phase_ = 0; // look again, drag again
    }
}

ScriptRunner::Actions ScriptRunner::afterFrame(const ui::Recorder& rec, std::int64_t wallMs) {
    Actions act;
    if (failed_ || index_ >= steps_.size())
        return act;
    if (stepStartMs_ < 0)
        stepStartMs_ = wallMs;
    const auto& st = steps_[index_];
    const double waited = (wallMs - stepStartMs_) / 1000.0;
    switch (st.kind) {
    case ScriptStep::Kind::Tap:
        tapFrame(st, rec, waited);
        break;
    case ScriptStep::Kind::Drag:
        dragFrame(st, rec, waited);
        break;
    case ScriptStep::Kind::Type:
    case ScriptStep::Kind::Key:
        if (phase_ == 0)
            phase_ = 1; // injected into the next frame
        else if (phase_ == 1)
            phase_ = 2; // the frame that consumed it
        else
            next();
        break;
    case ScriptStep::Kind::WaitText:
        if (rec.showsText(st.arg))
            next();
        else if (waited > st.number)
            fail("\"" + st.arg + "\" did not appear within " + std::to_string(st.number) + " s",
                 rec);
        break;
    case ScriptStep::Kind::ExpectText:
        if (rec.showsText(st.arg))
            next();
        else
            fail("\"" + st.arg + "\" is not on screen", rec);
        break;
    case ScriptStep::Kind::ExpectNoText:
        if (!rec.showsText(st.arg))
            next();
        else
            fail("\"" + st.arg + "\" is on screen", rec);
        break;
    case ScriptStep::Kind::AdvanceClock:
        act.advanceClockMs = static_cast<std::int64_t>(st.number * 1000);
        next();
        break;
    case ScriptStep::Kind::Screenshot:
        act.screenshot = st.arg + ".png";
        next();
        break;
    case ScriptStep::Kind::Window:
        act.windowSize = ImVec2(static_cast<float>(st.width), static_cast<float>(st.height));
        next();
        break;
    case ScriptStep::Kind::WaitFile: {
        std::error_code ec;
        if (std::filesystem::exists(st.arg, ec))
            next();
        else if (waited > st.number)
            fail("the file " + st.arg + " did not appear within " + std::to_string(st.number) +
                     " s",
                 rec);
        break;
    }
    }
    return act;
}

} // namespace repere::app
