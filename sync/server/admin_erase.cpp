#include "sync/server/admin_erase.hpp"

#include "store/beneficiary_code.hpp"
#include "store/erase.hpp"

#include <stdexcept>

namespace repere::sync::server {

EraseResult eraseBeneficiary(Storage& storage, const std::string& typedCode,
                             const std::filesystem::path& keyDir, std::int64_t nowMs) {
    const auto code = store::normalizeBeneficiaryCode(typedCode);
    if (!code)
        throw std::invalid_argument("not a valid beneficiary code");
    EraseResult r;
    r.tag = store::codeAuditTag(keyDir, *code);
    AuditEntry entry{nowMs, "erase", "", r.tag};
    r.deleted = storage.eraseBeneficiary(*code, store::formatBeneficiaryCode(*code), entry);
    return r;
}

std::filesystem::path eraseKeyDir(const std::string& dbSpec, const std::string& explicitDir) {
    if (!explicitDir.empty())
        return explicitDir;
    const std::string prefix = "sqlite:";
    if (dbSpec.rfind(prefix, 0) == 0) {
        const auto parent = std::filesystem::path(dbSpec.substr(prefix.size())).parent_path();
        return parent.empty() ? std::filesystem::path(".") : parent;
    }
    throw std::runtime_error(
        "with PostgreSQL, give --key-dir (a private folder for the erase key)");
}

} // namespace repere::sync::server
