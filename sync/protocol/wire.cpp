#include "sync/protocol/wire.hpp"

#include "sync/protocol/json_limits.hpp"

namespace repere::sync {

using nlohmann::json;

namespace {

// A parse failure carrying the JSON path of the offending field.
struct FieldError {
    std::string reason;
};

const json& field(const json& obj, const char* name, const std::string& where) {
    auto it = obj.find(name);
    if (it == obj.end())
        throw FieldError{where + "/" + name + ": missing"};
    return *it;
}

// A member `is` accepts (json::is_string, ...), or a FieldError saying `what` it must be.
using Is = bool (json::*)() const noexcept;
const json& checked(const json& v, Is is, const char* what, const char* name,
                    const std::string& where) {
    if (!(v.*is)())
        throw FieldError{where + "/" + name + ": must be " + what};
    return v;
}

std::string str(const json& obj, const char* name, const std::string& where) {
    return checked(field(obj, name, where), &json::is_string, "a string", name, where)
        .get<std::string>();
}

std::string optStr(const json& obj, const char* name, const std::string& where) {
    auto it = obj.find(name);
    if (it == obj.end() || it->is_null())
        return {};
    return checked(*it, &json::is_string, "a string", name, where).get<std::string>();
}

std::int64_t integer(const json& obj, const char* name, const std::string& where) {
    return checked(field(obj, name, where), &json::is_number_integer, "an integer", name, where)
        .get<std::int64_t>();
}

bool boolean(const json& obj, const char* name, const std::string& where) {
    return checked(field(obj, name, where), &json::is_boolean, "true or false", name, where)
        .get<bool>();
}

const json& array(const json& obj, const char* name, const std::string& where) {
    return checked(field(obj, name, where), &json::is_array, "an array", name, where);
}

void requireObject(const json& v, const std::string& where) {
    if (!v.is_object())
        throw FieldError{(where.empty() ? std::string("/") : where) + ": must be an object"};
}

// Parses text then runs `build` on the document; every failure becomes a one-line reason.
template <typename T, typename F> Parsed<T> parseWith(const std::string& text, F build) {
    // Depth first, in constant memory: a deeply nested body never reaches the DOM builder.
    if (auto tooDeep = checkJsonDepth(text); !tooDeep.empty())
        return Parsed<T>::fail(tooDeep);
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded())
        return Parsed<T>::fail("body is not JSON");
    try {
        requireObject(doc, "");
        return Parsed<T>{build(doc), {}};
    } catch (const FieldError& e) {
        return Parsed<T>::fail(e.reason);
    } catch (const json::exception& e) {
        return Parsed<T>::fail(e.what());
    }
}

} // namespace

const char* toString(RecordStatus s) {
    switch (s) {
    case RecordStatus::Stored:
        return "stored";
    case RecordStatus::Duplicate:
        return "duplicate";
    case RecordStatus::Conflict:
        return "conflict";
    case RecordStatus::Quarantined:
        return "quarantined";
    }
    return "stored";
}

std::optional<RecordStatus> recordStatusFromString(const std::string& s) {
    if (s == "stored")
        return RecordStatus::Stored;
    if (s == "duplicate")
        return RecordStatus::Duplicate;
    if (s == "conflict")
        return RecordStatus::Conflict;
    if (s == "quarantined")
        return RecordStatus::Quarantined;
    return std::nullopt;
}

bool isValidId(const std::string& s) {
    if (s.empty() || s.size() > 64)
        return false;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
        if (!ok)
            return false;
    }
    return true;
}

bool isSha256Hex(const std::string& s) {
    if (s.size() != 64)
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

json toJson(const WireRecord& r) {
    json j{{"recordId", r.recordId}, {"kind", r.kind},     {"seq", r.seq},
           {"payload", r.payload},   {"sha256", r.sha256}, {"createdAtMs", r.createdAtMs}};
    if (!r.quizId.empty()) {
        j["quizId"] = r.quizId;
        j["quizVersion"] = r.quizVersion;
    }
    return j;
}

json toJson(const BatchRequest& b) {
    json recs = json::array();
    for (const auto& r : b.records)
        recs.push_back(toJson(r));
    return json{{"records", std::move(recs)}};
}

json toJson(const BatchReply& b) {
    json res = json::array();
    for (const auto& r : b.results) {
        json one{{"recordId", r.recordId}, {"status", toString(r.status)}};
        if (!r.reason.empty())
            one["reason"] = r.reason;
        res.push_back(std::move(one));
    }
    return json{{"batchId", b.batchId}, {"results", std::move(res)}, {"cursor", b.cursor}};
}

json toJson(const EnrolRequest& e) {
    return json{{"code", e.code}, {"deviceName", e.deviceName}};
}
json toJson(const EnrolReply& e) {
    return json{{"deviceId", e.deviceId}, {"token", e.token}, {"agency", e.agency}};
}
json toJson(const CursorReply& c) {
    return json{{"deviceId", c.deviceId}, {"cursor", c.cursor}, {"records", c.records}};
}

json toJson(const CatalogReply& c) {
    json quizzes = json::array();
    for (const auto& q : c.quizzes) {
        json files = json::array();
        for (const auto& f : q.files)
            files.push_back({{"path", f.path}, {"sha256", f.sha256}, {"size", f.size}});
        quizzes.push_back({{"id", q.id},
                           {"version", q.version},
                           {"sha256", q.sha256},
                           {"catalogVersion", q.catalogVersion},
                           {"files", std::move(files)}});
    }
    json trainers = json::array();
    for (const auto& t : c.trainers)
        trainers.push_back({{"name", t.name},
                            {"pinHash", t.pinHash},
                            {"role", "trainer"}, // kiosks before issue 14 require it
                            {"active", t.active},
                            {"catalogVersion", t.catalogVersion}});
    json scores = json::array();
    for (const auto& m : c.scores) {
        json one = outbox::toJson(static_cast<const outbox::ManualScorePayload&>(m));
        one.erase("origin");
        one["catalogVersion"] = m.catalogVersion;
        scores.push_back(std::move(one));
    }
    return json{{"version", c.version},
                {"quizzes", std::move(quizzes)},
                {"trainers", std::move(trainers)},
                {"scores", std::move(scores)}};
}

json toJson(const BlobStatus& b) {
    return json{{"sha256", b.sha256},
                {"received", b.received},
                {"total", b.total},
                {"complete", b.complete}};
}

json toJson(const ErrorReply& e) {
    return json{{"error", e.error}, {"reason", e.reason}};
}

Parsed<BatchRequest> parseBatchRequest(const std::string& text) {
    return parseWith<BatchRequest>(text, [](const json& doc) {
        BatchRequest b;
        const json& recs = array(doc, "records", "");
        if (recs.empty())
            throw FieldError{"/records: empty batch"};
        if (recs.size() > kMaxBatchRecords)
            throw FieldError{"/records: more than " + std::to_string(kMaxBatchRecords) +
                             " records"};
        for (std::size_t i = 0; i < recs.size(); ++i) {
            const std::string where = "/records/" + std::to_string(i);
            const json& r = recs[i];
            requireObject(r, where);
            WireRecord w;
            w.recordId = str(r, "recordId", where);
            if (!isValidId(w.recordId))
                throw FieldError{where + "/recordId: not a valid id"};
            w.kind = str(r, "kind", where);
            if (w.kind.empty() || w.kind.size() > 32)
                throw FieldError{where + "/kind: empty or too long"};
            w.seq = integer(r, "seq", where);
            w.payload = str(r, "payload", where);
            w.sha256 = str(r, "sha256", where);
            if (!isSha256Hex(w.sha256))
                throw FieldError{where + "/sha256: not a lowercase sha256 hex"};
            w.createdAtMs = integer(r, "createdAtMs", where);
            w.quizId = optStr(r, "quizId", where);
            w.quizVersion = optStr(r, "quizVersion", where);
            b.records.push_back(std::move(w));
        }
        return b;
    });
}

Parsed<BatchReply> parseBatchReply(const std::string& text) {
    return parseWith<BatchReply>(text, [](const json& doc) {
        BatchReply b;
        b.batchId = str(doc, "batchId", "");
        b.cursor = integer(doc, "cursor", "");
        const json& res = array(doc, "results", "");
        for (std::size_t i = 0; i < res.size(); ++i) {
            const std::string where = "/results/" + std::to_string(i);
            requireObject(res[i], where);
            RecordResult r;
            r.recordId = str(res[i], "recordId", where);
            auto st = recordStatusFromString(str(res[i], "status", where));
            if (!st)
                throw FieldError{where + "/status: unknown status"};
            r.status = *st;
            r.reason = optStr(res[i], "reason", where);
            b.results.push_back(std::move(r));
        }
        return b;
    });
}

Parsed<EnrolRequest> parseEnrolRequest(const std::string& text) {
    return parseWith<EnrolRequest>(text, [](const json& doc) {
        EnrolRequest e;
        e.code = str(doc, "code", "");
        e.deviceName = optStr(doc, "deviceName", "");
        if (e.code.empty() || e.code.size() > 64)
            throw FieldError{"/code: empty or too long"};
        if (e.deviceName.size() > 200)
            throw FieldError{"/deviceName: too long"};
        return e;
    });
}

Parsed<EnrolReply> parseEnrolReply(const std::string& text) {
    return parseWith<EnrolReply>(text, [](const json& doc) {
        EnrolReply e;
        e.deviceId = str(doc, "deviceId", "");
        e.token = str(doc, "token", "");
        e.agency = str(doc, "agency", "");
        if (!isValidId(e.deviceId))
            throw FieldError{"/deviceId: not a valid id"};
        if (e.token.size() != 64)
            throw FieldError{"/token: not a 256-bit hex token"};
        return e;
    });
}

Parsed<CursorReply> parseCursorReply(const std::string& text) {
    return parseWith<CursorReply>(text, [](const json& doc) {
        CursorReply c;
        c.deviceId = str(doc, "deviceId", "");
        c.cursor = integer(doc, "cursor", "");
        c.records = integer(doc, "records", "");
        return c;
    });
}

Parsed<CatalogReply> parseCatalogReply(const std::string& text) {
    return parseWith<CatalogReply>(text, [](const json& doc) {
        CatalogReply c;
        c.version = integer(doc, "version", "");
        const json& quizzes = array(doc, "quizzes", "");
        for (std::size_t i = 0; i < quizzes.size(); ++i) {
            const std::string where = "/quizzes/" + std::to_string(i);
            const json& q = quizzes[i];
            requireObject(q, where);
            CatalogQuiz cq;
            cq.id = str(q, "id", where);
            cq.version = str(q, "version", where);
            cq.sha256 = str(q, "sha256", where);
            cq.catalogVersion = integer(q, "catalogVersion", where);
            const json& files = array(q, "files", where);
            for (std::size_t k = 0; k < files.size(); ++k) {
                const std::string fw = where + "/files/" + std::to_string(k);
                requireObject(files[k], fw);
                CatalogFile f;
                f.path = str(files[k], "path", fw);
                f.sha256 = str(files[k], "sha256", fw);
                f.size = integer(files[k], "size", fw);
                // Names and hashes are checked per package by the client
                // (package_names.hpp: catalogQuizProblem), so one bad package is refused alone
                // instead of failing every catalogue pull.
                cq.files.push_back(std::move(f));
            }
            c.quizzes.push_back(std::move(cq));
        }
        const json& trainers = array(doc, "trainers", "");
        for (std::size_t i = 0; i < trainers.size(); ++i) {
            const std::string where = "/trainers/" + std::to_string(i);
            requireObject(trainers[i], where);
            CatalogTrainer t;
            t.name = str(trainers[i], "name", where);
            t.pinHash = str(trainers[i], "pinHash", where);
            t.active = boolean(trainers[i], "active", where);
            t.catalogVersion = integer(trainers[i], "catalogVersion", where);
            c.trainers.push_back(std::move(t));
        }
        if (!doc.contains("scores")) // a server from before issue 18 sends none
            return c;
        const json& scores = array(doc, "scores", "");
        for (std::size_t i = 0; i < scores.size(); ++i) {
            const std::string where = "/scores/" + std::to_string(i);
            const json& m = scores[i];
            requireObject(m, where);
            auto read = outbox::fromJson<outbox::ManualScorePayload>(m);
            if (!read.ok())
                throw FieldError{where + "/" + read.error};
            CatalogScore x;
            static_cast<outbox::ManualScorePayload&>(x) = std::move(*read.value);
            x.origin.clear();
            if (!(x.score >= 0 && x.score <= x.maxScore))
                throw FieldError{where + "/score: must be between 0 and maxScore"};
            x.catalogVersion = integer(m, "catalogVersion", where);
            c.scores.push_back(std::move(x));
        }
        return c;
    });
}

Parsed<BlobStatus> parseBlobStatus(const std::string& text) {
    return parseWith<BlobStatus>(text, [](const json& doc) {
        BlobStatus b;
        b.sha256 = str(doc, "sha256", "");
        b.received = integer(doc, "received", "");
        b.total = integer(doc, "total", "");
        b.complete = boolean(doc, "complete", "");
        return b;
    });
}

Parsed<ErrorReply> parseErrorReply(const std::string& text) {
    return parseWith<ErrorReply>(text, [](const json& doc) {
        ErrorReply e;
        e.error = str(doc, "error", "");
        e.reason = optStr(doc, "reason", "");
        return e;
    });
}

} // namespace repere::sync
