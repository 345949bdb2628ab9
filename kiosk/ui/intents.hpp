// What a screen asks for. Screens never change state: they return one intent per frame and
// the app's controller applies it after the frame, in one place.
#pragma once

#include "ui/items/item_view.hpp"
#include "ui/trainer_intents.hpp"

#include <string>
#include <variant>

namespace repere::ui {

namespace intent {
struct Start {};      // welcome: "Commencer"
struct OpenResume {}; // welcome: "J'ai déjà commencé"
struct ChooseLanguage {
    std::string locale;
};
struct AcceptConsent {};
struct DeclineConsent {};
struct SubmitCode {
    std::string code;
};
struct NoCode {}; // "Je n'ai pas de code": the kiosk makes one
struct ChooseQuiz {
    std::string quizId;
};
struct Answer {
    nlohmann::json answer;
};
struct DontKnow {};
struct Pause {};
struct ContinueAfterPause {};
struct StopForToday {};
struct StillHere {}; // "Oui" on "Vous êtes toujours là ?"
struct ResumeCode {
    std::string code;
};
struct FinishResult {};
struct GoodbyeDone {};
struct Back {};
struct ReadAloud {
    std::string text;
}; // the speaker button: read this screen aloud
struct Item {
    items::ItemIntent action;
}; // sounds, recording, self-submitted answers
struct SoundCheckAnswer {
    bool heard = false;
};                             // "Oui" / "Non" on "Entendez-vous la musique ?"
struct SoundCheckReplay {};    // play the music again
struct SoundNeededContinue {}; // "Continuer" on "Cette partie demande du son"
struct ErrorRetry {};
struct ErrorHome {};
struct Trainer {
    trainer::Action action;
}; // the trainer area (trainer_intents.hpp)
} // namespace intent

using Intent =
    std::variant<std::monostate, intent::Start, intent::OpenResume, intent::ChooseLanguage,
                 intent::AcceptConsent, intent::DeclineConsent, intent::SubmitCode, intent::NoCode,
                 intent::ChooseQuiz, intent::Answer, intent::DontKnow, intent::Pause,
                 intent::ContinueAfterPause, intent::StopForToday, intent::StillHere,
                 intent::ResumeCode, intent::FinishResult, intent::GoodbyeDone, intent::Back,
                 intent::ReadAloud, intent::Item, intent::SoundCheckAnswer,
                 intent::SoundCheckReplay, intent::SoundNeededContinue, intent::ErrorRetry,
                 intent::ErrorHome, intent::Trainer>;

inline bool isNone(const Intent& i) {
    return std::holds_alternative<std::monostate>(i);
}

} // namespace repere::ui
