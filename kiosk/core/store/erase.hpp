// Erasing one beneficiary (issue 14, point 9): every trace of a code leaves the kiosk — its
// attempts, answers, scores, notes, assignment, outbox rows (pending and acknowledged), its
// recordings and the exports naming it — and the audit log keeps one line saying an erase took
// place, naming the code only by a keyed hash (see codeAuditTag). The database is then vacuumed
// and its WAL truncated, so the deleted text does not linger in free pages.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace repere::store {

class Database;

struct EraseReport {
    std::string tag; // "code#<32 hex>": what the audit line says instead of the code
    std::int64_t attempts = 0;
    std::int64_t responses = 0;
    std::int64_t notes = 0;
    std::int64_t outboxRows = 0;
    std::int64_t beneficiaries = 0; // 0 or 1
    std::int64_t auditLinesScrubbed = 0;
    std::vector<std::filesystem::path> filesRemoved;   // recordings, exports naming the code
    std::vector<std::filesystem::path> filesRewritten; // CSV exports with the code's lines cut
    // Files of the data folder that still hold the code after the erase (a `.corrupt-*` copy or
    // a backup, say): the operator decides what to do with them; nothing is deleted blindly.
    std::vector<std::filesystem::path> leftovers;
};

// The keyed hash of a canonical code for audit lines: BLAKE2b-128 (libsodium
// crypto_generichash) keyed with a 256-bit secret of this installation kept in
// `<dataDir>/repere.erase-key` (0600, created on first use). With 32^6 codes an unkeyed hash is
// reversed in seconds; without the key it cannot be, yet IT can still check "was code X
// erased?" on the kiosk itself. Throws std::runtime_error if the key cannot be read or made.
std::string codeAuditTag(const std::filesystem::path& dataDir, const std::string& canonicalCode);

// Erases a code (typed with or without its dash; StoreError{Invalid} if it is not a valid code)
// from `db` (the database of `dataDir`), `dataDir`/rec, `dataDir`/exports and `exportDir` if
// given; audits as `actor`; vacuums. Erasing a code that is not there is not an error (the
// report counts zeros; the audit line is written all the same).
EraseReport eraseBeneficiary(Database& db, const std::filesystem::path& dataDir,
                             const std::string& typedCode, const std::string& actor,
                             const std::filesystem::path& exportDir = {});

} // namespace repere::store
