#include "report/bilan.hpp"

#include "util/local_time.hpp"

#include <algorithm>
#include <ctime>
#include <map>

namespace repere::report {

namespace {

std::string statusWord(store::AttemptStatus s) {
    return store::toString(s);
}

} // namespace

std::vector<store::ManualScore> latestManualScores(const std::vector<store::ManualScore>& all) {
    // Append-only events: the latest (time, then order of arrival) wins.
    std::map<std::string, std::size_t> latest;
    for (std::size_t i = 0; i < all.size(); ++i) {
        auto it = latest.find(all[i].responseUuid);
        if (it == latest.end() || all[i].atMs >= all[it->second].atMs) {
            latest[all[i].responseUuid] = i;
        }
    }
    std::vector<std::size_t> order;
    for (const auto& [uuid, i] : latest)
        order.push_back(i);
    std::sort(order.begin(), order.end());
    std::vector<store::ManualScore> out;
    for (auto i : order)
        out.push_back(all[i]);
    return out;
}

engine::Attempt replayWithManualScores(const quiz::Quiz& quiz, const store::AttemptRecord& attempt,
                                       const std::vector<engine::Response>& responses,
                                       const std::vector<store::ManualScore>& manualScores,
                                       std::vector<std::string>* problems) {
    engine::AttemptOptions options;
    options.attemptUuid = attempt.uuid;
    options.seed = static_cast<std::uint64_t>(attempt.seed);
    options.nowMs = [] {
        return std::int64_t{0};
    };
    auto replay = engine::Attempt::rebuild(quiz, options, responses);
    for (const auto& m : latestManualScores(manualScores)) {
        try {
            replay.applyManualScore(m.responseUuid, m.score);
        } catch (const std::exception& e) {
            // e.g. a practice answer scored by mistake: it never counts, say so rather than fail.
            if (problems)
                problems->push_back(e.what());
        }
    }
    return replay;
}

std::vector<CriterionScore> rubricScores(const quiz::Item& item, const nlohmann::json& points) {
    std::vector<CriterionScore> out;
    if (!points.is_object())
        return out;
    for (const auto& c : item.scoring.rubric)
        if (const auto it = points.find(c.id); it != points.end() && it->is_number())
            out.push_back({c.id, c.label.get("fr"), it->get<double>(), c.points});
    return out;
}

std::string formatDate(std::int64_t ms) {
    return util::formatLocalTime(ms, "%d/%m/%Y");
}

Bilan buildBilan(const quiz::Quiz& quiz, const store::AttemptRecord& attempt,
                 const std::vector<engine::Response>& responses,
                 const std::vector<store::ManualScore>& manualScores,
                 const std::vector<store::Note>& notes,
                 const std::optional<store::Beneficiary>& beneficiary,
                 const BilanContext& context) {
    Bilan b;
    const std::string& loc = context.locale;
    b.code = attempt.code;
    if (beneficiary)
        b.firstName = beneficiary->firstName;
    b.attemptUuid = attempt.uuid;
    b.dateMs = attempt.finishedAtMs.value_or(attempt.startedAtMs);
    b.status = statusWord(attempt.status);
    b.quizId = quiz.id;
    b.quizTitle = quiz.title.get(loc);
    b.quizVersion = attempt.quizVersion.empty() ? quiz.version : attempt.quizVersion;
    b.agency = context.agency;

    auto replay = replayWithManualScores(quiz, attempt, responses, manualScores, &b.problems);
    const engine::Results results = replay.results();
    b.pendingManual = results.pendingManual;

    // The same words and the same strengths as the kiosk's result screen (result_presenter).
    b.skills = presentResult(quiz, results, loc).skills;

    std::string lastAuthor;
    std::int64_t lastAuthorAt = -1;
    for (const auto& m : latestManualScores(manualScores)) {
        ManualScoreLine line;
        line.responseUuid = m.responseUuid;
        line.trainer = m.trainer;
        line.atMs = m.atMs;
        line.score = m.score;
        line.maxScore = m.maxScore;
        for (const auto& r : replay.responses()) {
            if (r.uuid != m.responseUuid)
                continue;
            line.itemId = r.itemId;
            if (const auto* item = quiz.findItem(r.itemId)) {
                line.itemType = quiz::toString(item->type);
                line.skillId = item->skill;
                line.criteria = rubricScores(*item, m.points);
            }
        }
        if (m.atMs >= lastAuthorAt) {
            lastAuthorAt = m.atMs;
            lastAuthor = m.trainer;
        }
        b.manualScores.push_back(std::move(line));
    }
    for (const auto& n : notes) {
        if (n.kind != store::NoteKind::NextStep)
            continue;
        if (n.attemptUuid && *n.attemptUuid != attempt.uuid)
            continue;
        b.nextStep = n.text; // notes come oldest first: the latest agreed step wins
        if (n.atMs >= lastAuthorAt) {
            lastAuthorAt = n.atMs;
            lastAuthor = n.trainer;
        }
    }
    b.trainer = context.trainer.empty() ? lastAuthor : context.trainer;
    return b;
}

} // namespace repere::report
