// What the trainer screens ask for, carried inside ui::intent::Trainer. Applied by the app's
// TrainerArea after the frame, never by the screens.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

namespace repere::ui::trainer {

struct OpenLogin {}; // the discreet corner of the welcome screen
struct Login {
    std::string name, pin;
};
struct LeaveLogin {};
struct Logout {};
struct ShowToday {};
struct Search {
    std::string code;
};
struct OpenAttempt {
    std::string uuid;
};
struct ToggleSelect {
    std::string uuid;
};
struct ExportSelected {};
struct ExportThis {}; // the opened attempt (PDF + CSV)
struct BackToList {};
struct OpenScoring {
    std::string responseUuid;
}; // a written/spoken answer, alone on screen
struct CloseScoring {};
struct PlayRecording {
    std::string responseUuid;
};
struct ReplayStimulus {
    std::string responseUuid;
}; // the sound the person heard for that answer
struct Score {
    std::string responseUuid;
    nlohmann::json points;
    double score = 0;
};
struct SetNextStep {
    std::string label;
};
struct OpenNotes {}; // the notes about this person, with a keyboard
struct CloseNotes {};
struct AddNote {
    std::string text;
};
struct AssignQuiz {
    std::string code;
    std::string quizId;
}; // code as shown or typed
struct OpenKioskPanel {};
struct SyncNow {};

using Action = std::variant<OpenLogin, Login, LeaveLogin, Logout, ShowToday, Search, OpenAttempt,
                            ToggleSelect, ExportSelected, ExportThis, BackToList, OpenScoring,
                            CloseScoring, PlayRecording, ReplayStimulus, Score, SetNextStep,
                            OpenNotes, CloseNotes, AddNote, AssignQuiz, OpenKioskPanel, SyncNow>;

} // namespace repere::ui::trainer
