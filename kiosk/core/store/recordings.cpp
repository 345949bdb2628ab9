// Recorded answers on their way to the server (recording_uploads.hpp): the SQL side.
#include "store/database.hpp"
#include "store/ids.hpp"
#include "util/digest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

namespace repere::store {

std::vector<RecordingToDeclare> Database::undeclaredRecordings() {
    std::vector<RecordingToDeclare> out;
    read([&] {
        SQLite::Statement st(*db_,
                             "SELECT r.uuid, r.attempt_uuid, json_extract(r.answer, '$.recording')"
                             " FROM response r WHERE json_valid(r.answer)"
                             " AND json_type(r.answer) = 'object'"
                             " AND json_type(r.answer, '$.recording') = 'text'"
                             " AND json_extract(r.answer, '$.recording') <> ''"
                             " AND NOT EXISTS (SELECT 1 FROM recording_upload u"
                             "   WHERE u.response_uuid = r.uuid)"
                             " ORDER BY r.answered_at_ms, r.uuid");
        while (st.executeStep())
            out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(),
                           st.getColumn(2).getString()});
    });
    return out;
}

void Database::declareRecording(const RecordingToDeclare& r,
                                const std::optional<RecordingBlob>& blob) {
    write([&] {
        const std::string recordId = blob ? util::newUuid() : std::string();
        SQLite::Statement ins(*db_, "INSERT INTO recording_upload (response_uuid, path, sha256,"
                                    " size, record_id, declared_at_ms) VALUES (?, ?, ?, ?, ?, ?)");
        ins.bind(1, r.responseUuid);
        ins.bind(2, r.path);
        if (blob) {
            ins.bind(3, blob->sha256);
            ins.bind(4, blob->size);
            ins.bind(5, recordId);
        } else {
            ins.bind(3);
            ins.bind(4);
            ins.bind(5);
        }
        ins.bind(6, static_cast<std::int64_t>(clock_()));
        ins.exec();
        if (!blob)
            return;
        // Sent after the response that names the file (a later outbox seq); the server lets this
        // kiosk upload exactly these bytes (sha256, size) and nothing else.
        addOutbox(outbox::RecordingPayload{recordId, r.responseUuid, r.attemptUuid, r.path,
                                           blob->sha256, blob->size});
    });
}

std::vector<RecordingUpload> Database::recordingsToUpload() {
    std::vector<RecordingUpload> out;
    read([&] {
        // Acknowledged, or its outbox row already purged (only acknowledged rows are; an erase
        // takes the recording_upload row with its response).
        SQLite::Statement st(*db_, "SELECT MIN(u.path), u.sha256, MIN(u.size)"
                                   " FROM recording_upload u"
                                   " WHERE u.sha256 IS NOT NULL AND u.confirmed_at_ms IS NULL"
                                   " AND NOT EXISTS (SELECT 1 FROM outbox o"
                                   "   WHERE o.record_id = u.record_id AND o.acked_at_ms IS NULL)"
                                   " GROUP BY u.sha256 ORDER BY MIN(u.declared_at_ms)");
        while (st.executeStep())
            out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(),
                           st.getColumn(2).getInt64()});
    });
    return out;
}

void Database::confirmRecording(const std::string& sha256) {
    write([&] {
        SQLite::Statement st(*db_, "UPDATE recording_upload SET confirmed_at_ms = ?"
                                   " WHERE sha256 = ? AND confirmed_at_ms IS NULL");
        st.bind(1, static_cast<std::int64_t>(clock_()));
        st.bind(2, sha256);
        st.exec();
    });
}

std::int64_t Database::redeclareRecording(const std::string& sha256) {
    std::int64_t written = 0;
    write([&] {
        SQLite::Statement st(*db_, "SELECT u.response_uuid, r.attempt_uuid, u.path, u.size"
                                   " FROM recording_upload u JOIN response r"
                                   " ON r.uuid = u.response_uuid"
                                   " WHERE u.sha256 = ? AND u.confirmed_at_ms IS NULL"
                                   " ORDER BY u.declared_at_ms, u.response_uuid");
        st.bind(1, sha256);
        struct Row {
            std::string responseUuid, attemptUuid, path;
            std::int64_t size;
        };
        std::vector<Row> rows;
        while (st.executeStep())
            rows.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(),
                            st.getColumn(2).getString(), st.getColumn(3).getInt64()});
        for (const auto& r : rows) {
            const std::string recordId = util::newUuid();
            SQLite::Statement up(*db_, "UPDATE recording_upload SET record_id = ?"
                                       " WHERE response_uuid = ?");
            up.bind(1, recordId);
            up.bind(2, r.responseUuid);
            up.exec();
            addOutbox(outbox::RecordingPayload{recordId, r.responseUuid, r.attemptUuid, r.path,
                                               sha256, r.size});
            ++written;
        }
        if (written > 0)
            auditInTx("sync", "recording-redeclared",
                      sha256.substr(0, 12) + " (" + std::to_string(written) + " records)");
    });
    return written;
}

} // namespace repere::store
