// The controller's drawing half: the read-only view of the current screen, built from the
// person's state and handed to its screen function. Nothing here changes state.
#include "app/controller.hpp"
#include "i18n/strings.hpp"
#include "store/beneficiary_code.hpp"

#include <algorithm>

namespace repere::app {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

ui::QuizKind kindOf(const quiz::Quiz& q) {
    const std::string key = lower(q.id + " " + q.title.get("fr"));
    if (key.find("numerique") != std::string::npos || key.find("numérique") != std::string::npos ||
        key.find("digital") != std::string::npos)
        return ui::QuizKind::Digital;
    if (key.find("francais") != std::string::npos || key.find("français") != std::string::npos ||
        key.find("french") != std::string::npos || key.find("langue") != std::string::npos)
        return ui::QuizKind::French;
    return ui::QuizKind::Other;
}

} // namespace

const char* toString(Screen s) {
    switch (s) {
    case Screen::Welcome:
        return "welcome";
    case Screen::Language:
        return "language";
    case Screen::SoundCheck:
        return "sound-check";
    case Screen::Consent:
        return "consent";
    case Screen::Code:
        return "code";
    case Screen::QuizChoice:
        return "quiz-choice";
    case Screen::Item:
        return "item";
    case Screen::Pause:
        return "pause";
    case Screen::StillHere:
        return "still-here";
    case Screen::Resume:
        return "resume";
    case Screen::SoundNeeded:
        return "sound-needed";
    case Screen::Result:
        return "result";
    case Screen::Goodbye:
        return "goodbye";
    case Screen::Error:
        return "error";
    case Screen::Trainer:
        return "trainer";
    }
    return "?";
}

ui::Intent welcomeScreen(ui::UiContext& ctx) {
    auto out = ui::drawWelcome({}, ctx);
    if (auto corner = ui::drawTrainerCorner(ctx); !ui::isNone(corner))
        out = corner;
    return out;
}

// ---------------------------------------------------------------------------------------------
// Drawing: build the read-only view of the current screen and hand it to the screen function.
// ---------------------------------------------------------------------------------------------
ui::Intent Controller::draw(ui::UiContext& ctx) {
    ctx.locale = person_.locale;
    ctx.soundOff = soundUnavailable() && screen_ != Screen::Trainer;
    ui::Intent out = drawScreen(ctx);
    if (soundUnavailable() && screen_ != Screen::Trainer)
        ui::drawSoundNotice(ctx);         // trainers have their own panel
    cues_.afterDraw(ctx, person_.locale); // a kiosk screen reads its own text when it opens
    return out;
}

ui::Intent Controller::drawScreen(ui::UiContext& ctx) {
    switch (screen_) {
    case Screen::Welcome:
        return welcomeScreen(ctx);
    case Screen::Trainer:
        return trainer_.draw(ctx);
    case Screen::Language:
        return ui::drawLanguage({i18n::uiLocales(), person_.locale}, ctx);
    case Screen::SoundCheck: {
        ui::SoundCheckView v;
        v.playing = cues_.soundCheckPlaying();
        v.unavailable = soundUnavailable();
        return ui::drawSoundCheck(v, ctx);
    }
    case Screen::Consent:
        return ui::drawConsent({}, ctx);
    case Screen::Code:
    case Screen::Resume: {
        ui::CodeView v;
        v.purpose = screen_ == Screen::Code ? ui::CodePurpose::Start : ui::CodePurpose::Resume;
        v.messageKey = person_.codeMessageKey;
        v.codeLength = store::kCodeLength;
        v.alphabet = std::string(store::kCodeAlphabet);
        return ui::drawCode(v, person_.entry, ctx);
    }
    case Screen::QuizChoice:
        return ui::drawQuizChoice(quizChoiceView(), ctx);
    case Screen::Item: {
        const auto v = itemView();
        return ui::drawItemScreen(v, person_.item, ctx);
    }
    case Screen::Pause:
        return ui::drawPause({store::formatBeneficiaryCode(person_.code)}, ctx);
    case Screen::StillHere:
        return ui::drawStillHere({idle_.secondsLeft(now())}, ctx);
    case Screen::SoundNeeded:
        return ui::drawSoundNeeded(ctx);
    case Screen::Result:
        return ui::drawResult(person_.result, ctx);
    case Screen::Goodbye:
        return ui::drawGoodbye(
            {person_.codeGenerated ? store::formatBeneficiaryCode(person_.code) : std::string()},
            ctx);
    case Screen::Error:
        return ui::drawError(error_, ctx);
    }
    return {};
}

ui::QuizChoiceView Controller::quizChoiceView() const {
    ui::QuizChoiceView v;
    for (const auto* qp : deps_.library->newestPerId()) {
        const auto& q = *qp;
        // Author packages (every item type) are not a diagnostic: only when a trainer assigns one.
        if (q.forAuthors && q.id != person_.assignedQuizId)
            continue;
        v.cards.push_back({q.id, q.title.get(person_.locale, q.defaultLocale),
                           q.description.get(person_.locale, q.defaultLocale), kindOf(q)});
    }
    std::stable_sort(
        v.cards.begin(), v.cards.end(), [](const ui::QuizCard& a, const ui::QuizCard& b) {
            return static_cast<int>(a.kind) < static_cast<int>(b.kind); // Numérique, then Français
        });
    for (const auto& c : v.cards)
        if (!person_.assignedQuizId.empty() && c.quizId == person_.assignedQuizId)
            v.assigned = c;
    return v;
}

ui::ItemScreenView Controller::itemView() const {
    ui::ItemScreenView v;
    if (!person_.attempt)
        return v;
    const auto cur = person_.attempt->current();
    if (!cur)
        return v;
    const auto& quiz = person_.attempt->quiz();
    v.item.quiz = &quiz;
    v.item.item = cur->item;
    v.item.locale = person_.locale;
    v.item.stimulusPlays = cur->playsUsed;
    v.item.attemptSeed = person_.attempt->options().seed;
    cues_.fillItemView(v.item, attempt());
    v.soundUnavailable = soundUnavailable();
    v.instruction = cur->item->instruction.get(person_.locale, quiz.defaultLocale);
    v.progress = static_cast<float>(person_.attempt->progress().fraction());
    // Without sound the way on must stay open: "Je ne sais pas" then stores "unavailable". An
    // information screen asks nothing: "Continuer" only (issue 17).
    v.allowDontKnow =
        cur->item->type != quiz::ItemType::Info &&
        (cur->item->dontKnow || v.item.stimulusUnavailable || v.item.recording.unavailable);
    v.practice = cur->item->practice;
    return v;
}

ui::ResultView resultView(const report::ResultPresentation& p) {
    ui::ResultView v;
    for (const auto& line : p.skills) {
        const int steps = static_cast<int>(line.levelTitles.size());
        if (!line.level) { // "Pas évalué" (or waiting for the counsellor): said, never dropped
            v.notAssessed.push_back({line.title, 0, steps, line.levelTitle, line.canDo});
            continue;
        }
        ui::SkillResult r{line.title, static_cast<int>(*line.level), steps, line.levelTitle,
                          line.canDo};
        (line.group == report::SkillGroup::Strength ? v.strengths : v.toWork).push_back(r);
    }
    v.firstStep = p.firstStep;
    v.message = p.message;
    v.pendingManual = p.pendingManual > 0;
    return v;
}

} // namespace repere::app
