// Beneficiaries: pseudonymous codes, optional first name, consent time.
#include "store/beneficiary_code.hpp"
#include "store/database.hpp"
#include "store/ids.hpp"
#include "store/sql_util.hpp"
#include "util/digest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace repere::store {

namespace {

Beneficiary readBeneficiary(SQLite::Statement& st) {
    Beneficiary b;
    b.code = st.getColumn(0).getString();
    b.firstName = detail::optionalText(st.getColumn(1));
    b.consentAtMs = detail::optionalInt(st.getColumn(2));
    b.createdAtMs = st.getColumn(3).getInt64();
    return b;
}

constexpr const char* kSelect =
    "SELECT code, first_name, consent_at_ms, created_at_ms FROM beneficiary";

} // namespace

std::optional<Beneficiary> Database::findBeneficiary(const std::string& typedCode) {
    const auto code = normalizeBeneficiaryCode(typedCode);
    if (!code) {
        return std::nullopt;
    }
    std::optional<Beneficiary> found;
    read([&] {
        SQLite::Statement st(*db_, std::string(kSelect) + " WHERE code = ?");
        st.bind(1, *code);
        if (st.executeStep()) {
            found = readBeneficiary(st);
        }
    });
    return found;
}

Beneficiary Database::registerBeneficiary(const std::string& typedCode,
                                          std::optional<std::string> firstName,
                                          std::optional<std::int64_t> consentAtMs) {
    const auto code = normalizeBeneficiaryCode(typedCode);
    if (!code) {
        throw StoreError(StoreErrorKind::Invalid,
                         "\"" + typedCode + "\" is not a valid beneficiary code");
    }
    Beneficiary result;
    write([&] {
        SQLite::Statement find(*db_, std::string(kSelect) + " WHERE code = ?");
        find.bind(1, *code);
        if (find.executeStep()) {
            result = readBeneficiary(find);
            if (consentAtMs && !result.consentAtMs) {
                SQLite::Statement up(*db_,
                                     "UPDATE beneficiary SET consent_at_ms = ? WHERE code = ?");
                up.bind(1, *consentAtMs);
                up.bind(2, *code);
                up.exec();
                result.consentAtMs = consentAtMs;
                addOutbox(outbox::ConsentPayload{util::newUuid(), *code, *consentAtMs});
            }
            return;
        }
        result.code = *code;
        result.firstName = std::move(firstName);
        result.consentAtMs = consentAtMs;
        result.createdAtMs = clock_();
        SQLite::Statement ins(
            *db_, "INSERT INTO beneficiary (code, first_name, consent_at_ms, created_at_ms)"
                  " VALUES (?, ?, ?, ?)");
        ins.bind(1, result.code);
        detail::bindOptional(ins, 2, result.firstName);
        detail::bindOptional(ins, 3, result.consentAtMs);
        ins.bind(4, result.createdAtMs);
        ins.exec();
        addOutbox(outbox::BeneficiaryPayload{util::newUuid(), result.code, result.firstName,
                                             result.consentAtMs, result.createdAtMs});
    });
    return result;
}

Beneficiary Database::registerNewBeneficiary(std::optional<std::string> firstName,
                                             std::optional<std::int64_t> consentAtMs) {
    // A collision is one in a billion; try again rather than hand out somebody else's code.
    for (int tries = 0; tries < 16; ++tries) {
        const std::string code = generateBeneficiaryCode();
        if (!findBeneficiary(code)) {
            return registerBeneficiary(code, std::move(firstName), consentAtMs);
        }
    }
    throw StoreError(StoreErrorKind::Other, "could not find an unused beneficiary code");
}

} // namespace repere::store
