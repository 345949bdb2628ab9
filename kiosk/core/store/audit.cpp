// Audit log: who did what on this kiosk (logins, exports, manual scores, purges, backups).
// It stays on the kiosk; it is not sent with the results.
#include "store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace repere::store {

void Database::auditInTx(const std::string& actor, const std::string& action,
                         const std::string& detail) {
    SQLite::Statement st(*db_, "INSERT INTO audit (at_ms, actor, action, detail) VALUES (?,?,?,?)");
    st.bind(1, clock_());
    st.bind(2, actor);
    st.bind(3, action);
    st.bind(4, detail);
    st.exec();
}

void Database::audit(const std::string& actor, const std::string& action,
                     const std::string& detail) {
    write([&] { auditInTx(actor, action, detail); });
}

std::vector<AuditEntry> Database::auditLog(std::size_t limit) {
    std::vector<AuditEntry> out;
    read([&] {
        SQLite::Statement st(
            *db_, "SELECT id, at_ms, actor, action, detail FROM audit ORDER BY id DESC LIMIT ?");
        st.bind(1, static_cast<std::int64_t>(limit));
        while (st.executeStep()) {
            out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getInt64(),
                           st.getColumn(2).getString(), st.getColumn(3).getString(),
                           st.getColumn(4).getString()});
        }
    });
    return out;
}

} // namespace repere::store
