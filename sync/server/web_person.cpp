#include "sync/server/web_person.hpp"

#include "engine/attempt_result.hpp"
#include "engine/shown_order.hpp"
#include "i18n/strings.hpp"
#include "outbox/payloads.hpp"
#include "quiz/loader.hpp"
#include "report/answer_words.hpp"
#include "report/bilan_store.hpp"
#include "report/sittings.hpp"
#include "store/beneficiary_code.hpp"
#include "sync/server/server_attempts.hpp"

#include <algorithm>
#include <functional>
#include <map>

namespace repere::sync::server::web {
namespace {

const std::string& fr(const std::string& key) {
    return i18n::text(key, "fr");
}

std::string responseStatusText(engine::ResponseStatus s) {
    std::string key = engine::toString(s);
    std::replace(key.begin(), key.end(), '_', '-');
    return fr("export.rstatus." + key);
}

// The options in the order they were on screen (recorded with the answer for shuffled cards).
std::string choicesText(const quiz::Quiz& quiz, const quiz::Item& item,
                        const nlohmann::json& answer) {
    std::string out;
    for (const auto& id : engine::shownOptionOrder(item, answer))
        for (const auto& o : item.options)
            if (o.id == id)
                out += (out.empty() ? "" : " / ") + report::optionWords(&quiz, o);
    return out;
}

std::vector<LevelView> levelsFromResult(const nlohmann::json& json) {
    std::vector<LevelView> out;
    const auto result = engine::attemptResultFromJson(json);
    if (!result)
        return out;
    for (const auto& s : result->skills)
        out.push_back({s.skill, s.levelId.empty() ? fr("export.not_placed") : s.levelId});
    return out;
}

AttemptView viewOf(const ServerAttempt& a, const quiz::Quiz* quiz,
                   const std::vector<store::Note>& notes) {
    AttemptView v;
    v.uuid = a.record.uuid;
    v.quizTitle = quiz ? quiz->title.get("fr") : a.record.quizId;
    v.quizVersion = a.record.quizVersion;
    v.status = fr(std::string("export.status.") + store::toString(a.record.status));
    v.agency = a.agency;
    v.kiosk = a.deviceId == "backoffice" ? "" : a.deviceId;
    v.startedAtMs = a.record.startedAtMs;
    v.finishedAtMs = a.record.finishedAtMs;
    if (quiz) {
        try {
            const auto bilan = report::buildBilan(*quiz, a.record, a.responses, a.manualScores,
                                                  notes, std::nullopt, {});
            for (const auto& s : bilan.skills)
                v.levels.push_back({s.title, s.level ? s.levelTitle : fr("export.not_placed")});
        } catch (const std::exception&) {
            v.problem = "Les réponses ne correspondent pas au questionnaire : niveaux enregistrés "
                        "par la borne.";
            v.levels = levelsFromResult(a.record.result);
        }
    } else {
        v.problem = "Questionnaire absent du serveur : textes des questions indisponibles.";
        v.levels = levelsFromResult(a.record.result);
    }
    std::map<std::string, std::vector<ScoreLine>> scores;
    for (const auto& m : a.manualScores) {
        ScoreLine line{m.trainer, m.atMs, m.score, m.maxScore, {}};
        for (const auto& r : a.responses)
            if (const auto* item =
                    quiz && r.uuid == m.responseUuid ? quiz->findItem(r.itemId) : nullptr)
                line.criteria = report::rubricScores(*item, m.points);
        scores[m.responseUuid].push_back(std::move(line));
    }
    for (const auto& r : a.responses) {
        AnswerView x;
        x.responseUuid = r.uuid;
        x.number = r.sequence + 1;
        x.itemId = r.itemId;
        const quiz::Item* item = quiz ? quiz->findItem(r.itemId) : nullptr;
        if (item) {
            x.itemType = quiz::toString(item->type);
            x.skill = item->skill;
            x.shown = report::shownWords(quiz, *item);
            x.choices = choicesText(*quiz, *item, r.answer);
            x.manual = item->type == quiz::ItemType::Write || item->type == quiz::ItemType::Speak;
            x.rubric = item->scoring.rubric;
        }
        x.answer = report::answerWords(quiz, item, r.answer, r.status);
        x.result = responseStatusText(r.status);
        x.score = r.score;
        x.maxScore = r.maxScore;
        x.manual = x.manual || r.status == engine::ResponseStatus::PendingManual;
        x.scores = scores[r.uuid];
        v.answers.push_back(std::move(x));
    }
    return v;
}

// responseUuid -> sha256 of its recording, from the "recording" records among `records`.
std::map<std::string, std::string> recordingsOf(const std::vector<StoredRecord>& records) {
    std::map<std::string, std::string> out;
    for (const auto& r : records)
        // A payload that does not read (quarantined at ingest) is skipped, never a 500.
        if (const auto p = outbox::payloadAs<outbox::RecordingPayload>(r.kind, r.payload))
            out[p->responseUuid] = p->sha256;
    return out;
}

std::vector<StoredRecord> personRecords(Storage& storage, const std::string& code,
                                        const std::optional<std::string>& scope) {
    RecordQuery q;
    q.code = code;
    q.agency = scope;
    return storage.findRecords(q);
}

} // namespace

QuizShelf::QuizShelf(const std::filesystem::path& dir) {
    if (dir.empty() || !std::filesystem::exists(dir))
        return;
    for (auto& r : quiz::loadPackages(dir))
        if (r.ok())
            quizzes_.push_back(std::move(*r.quiz));
}

const quiz::Quiz* QuizShelf::find(const store::AttemptRecord& attempt) const {
    return report::findQuizFor(quizzes_, attempt);
}

std::optional<PersonView> loadPerson(Storage& storage, const QuizShelf& shelf,
                                     const std::string& code,
                                     const std::optional<std::string>& scope) {
    const auto records = personRecords(storage, code, scope);
    auto attempts = assembleAttempts(records);
    if (attempts.empty())
        return std::nullopt;
    PersonView p;
    p.code = code;
    p.display = store::formatBeneficiaryCode(code);
    std::sort(attempts.begin(), attempts.end(), [](const auto& x, const auto& y) {
        return x.record.startedAtMs > y.record.startedAtMs;
    });
    const auto recordings = recordingsOf(records);
    for (const auto& a : attempts) {
        p.attempts.push_back(viewOf(a, shelf.find(a.record), a.notes));
        for (auto& x : p.attempts.back().answers)
            if (auto it = recordings.find(x.responseUuid); it != recordings.end()) {
                x.hasRecording = true;
                x.recordingReceived = storage.uploadComplete(it->second);
            }
    }
    return p;
}

std::optional<std::string> recordingOf(Storage& storage, const std::string& code,
                                       const std::optional<std::string>& scope,
                                       const std::string& responseUuid) {
    RecordQuery q;
    q.code = code;
    q.agency = scope;
    q.kinds = {outbox::kind::kRecording};
    const auto recordings = recordingsOf(storage.findRecords(q));
    const auto it = recordings.find(responseUuid);
    if (it == recordings.end())
        return std::nullopt;
    return it->second;
}

std::string recordingPath(const std::string& code, const std::string& responseUuid) {
    return "/beneficiaires/" + code + "/enregistrements/" + responseUuid + ".ogg";
}

std::optional<report::Bilan> loadBilan(Storage& storage, const QuizShelf& shelf,
                                       const std::string& code,
                                       const std::optional<std::string>& scope,
                                       const std::string& signedBy) {
    const auto records = personRecords(storage, code, scope);
    auto attempts = assembleAttempts(records);
    if (attempts.empty())
        return std::nullopt;
    // Oldest first, as the kiosk lists them (ties: the order the records came in).
    std::stable_sort(attempts.begin(), attempts.end(), [](const auto& x, const auto& y) {
        return x.record.startedAtMs < y.record.startedAtMs;
    });
    // The kiosk's choice: the latest finished attempt, else the latest one.
    const ServerAttempt* a = &attempts.back();
    for (auto it = attempts.rbegin(); it != attempts.rend(); ++it)
        if (it->record.status == store::AttemptStatus::Finished) {
            a = &*it;
            break;
        }
    const quiz::Quiz* quiz = shelf.find(a->record);
    if (!quiz)
        throw std::runtime_error("quiz " + a->record.quizId + " " + a->record.quizVersion +
                                 " is not on the server (--quizzes)");
    report::BilanContext context;
    context.trainer = signedBy;
    context.agency = a->agency;
    auto bilan = report::buildBilan(*quiz, a->record, a->responses, a->manualScores, a->notes,
                                    beneficiaryOf(records, code), context);
    // Two sittings compared, chosen and drawn by the kiosk's code (report/sittings.hpp).
    std::vector<store::AttemptRecord> sittings;
    for (const auto& x : attempts)
        sittings.push_back(x.record);
    report::attachPreviousSitting(
        bilan, sittings, a->record, [&](std::size_t i) -> std::optional<report::Bilan> {
            const ServerAttempt& earlier = attempts[i];
            const quiz::Quiz* earlierQuiz = shelf.find(earlier.record);
            if (!earlierQuiz)
                return std::nullopt;
            return report::buildBilan(*earlierQuiz, earlier.record, earlier.responses,
                                      earlier.manualScores, {}, std::nullopt, context);
        });
    return bilan;
}

} // namespace repere::sync::server::web
