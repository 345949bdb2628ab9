// Erasing one beneficiary: the files around the database (recordings, exports) and the keyed
// hash of the audit line. The SQL is in erasure.cpp.
#include "store/erase.hpp"

#include "store/beneficiary_code.hpp"
#include "store/database.hpp"
#include "store/ids.hpp"
#include "util/digest.hpp"
#include "util/private_files.hpp"

#include <fstream>
#include <iterator>
#include <sodium.h>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace repere::store {

namespace fs = std::filesystem;

namespace {

constexpr const char* kKeyFile = "repere.erase-key";

std::string readAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool contains(const std::string& bytes, const std::string& code, const std::string& display) {
    return bytes.find(code) != std::string::npos || bytes.find(display) != std::string::npos;
}

// The installation's secret: 32 random bytes, made once, kept 0600 beside the database.
std::string eraseKey(const fs::path& dataDir) {
    const fs::path file = dataDir / kKeyFile;
    if (fs::exists(file)) {
        const std::string key = readAll(file);
        if (key.size() != crypto_generichash_KEYBYTES) {
            throw std::runtime_error(file.string() + " is damaged (expected " +
                                     std::to_string(crypto_generichash_KEYBYTES) + " bytes)");
        }
        return key;
    }
    util::ensureSodium();
    std::string key(crypto_generichash_KEYBYTES, '\0');
    randombytes_buf(key.data(), key.size());
    util::writePrivateFile(file, key);
    return key;
}

// Removes `relative` (as an answer names it) only when it stays inside dataDir/rec: a recording
// path comes from the database and must never point anywhere else.
bool removeRecording(const fs::path& dataDir, const std::string& relative) {
    const fs::path rel = fs::path(relative).lexically_normal();
    if (rel.is_absolute() || rel.empty() || *rel.begin() != "rec") {
        return false;
    }
    for (const auto& part : rel) {
        if (part == "..") {
            return false;
        }
    }
    std::error_code ec;
    return fs::remove(dataDir / rel, ec);
}

// Exports naming the code: a file whose name carries it (bilan PDFs) goes; a CSV keeps the
// lines of other people; any other file holding it goes whole (a JSON export cannot be cut by
// lines).
void cleanExports(const fs::path& dir, const std::string& code, const std::string& display,
                  EraseReport& report) {
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) {
        return;
    }
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) {
            continue;
        }
        const fs::path file = it->path();
        const std::string name = file.filename().string();
        if (contains(name, code, display)) {
            if (fs::remove(file, ec)) {
                report.filesRemoved.push_back(file);
            }
            continue;
        }
        const std::string bytes = readAll(file);
        if (!contains(bytes, code, display)) {
            continue;
        }
        if (file.extension() == ".csv") {
            std::istringstream lines(bytes);
            std::string line, kept;
            while (std::getline(lines, line)) {
                if (!contains(line, code, display)) {
                    kept += line + "\n";
                }
            }
            util::writePrivateFile(file, kept);
            report.filesRewritten.push_back(file);
        } else if (fs::remove(file, ec)) {
            report.filesRemoved.push_back(file);
        }
    }
}

} // namespace

std::string codeAuditTag(const fs::path& dataDir, const std::string& canonicalCode) {
    const std::string key = eraseKey(dataDir);
    unsigned char hash[16];
    crypto_generichash(
        hash, sizeof hash, reinterpret_cast<const unsigned char*>(canonicalCode.data()),
        canonicalCode.size(), reinterpret_cast<const unsigned char*>(key.data()), key.size());
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return std::string("code#") + hex;
}

EraseReport eraseBeneficiary(Database& db, const fs::path& dataDir, const std::string& typedCode,
                             const std::string& actor, const fs::path& exportDir) {
    const auto code = normalizeBeneficiaryCode(typedCode);
    if (!code) {
        throw StoreError(StoreErrorKind::Invalid, "not a valid beneficiary code");
    }
    const std::string display = formatBeneficiaryCode(*code);
    EraseReport report;
    report.tag = codeAuditTag(dataDir, *code);

    const ErasedRows rows = db.eraseCodeRows(*code, report.tag, actor);
    report.attempts = rows.attempts;
    report.responses = rows.responses;
    report.notes = rows.notes;
    report.outboxRows = rows.outboxRows;
    report.beneficiaries = rows.beneficiaries;
    report.auditLinesScrubbed = rows.auditLinesScrubbed;
    for (const auto& r : rows.recordings) {
        if (removeRecording(dataDir, r)) {
            report.filesRemoved.push_back(dataDir / r);
        }
    }
    cleanExports(dataDir / "exports", *code, display, report);
    if (!exportDir.empty() &&
        fs::weakly_canonical(exportDir) != fs::weakly_canonical(dataDir / "exports")) {
        cleanExports(exportDir, *code, display, report);
    }
    db.compact();

    // What still names the code in the data folder (other than the database, just vacuumed).
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dataDir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && contains(readAll(it->path()), *code, display)) {
            report.leftovers.push_back(it->path());
        }
    }
    return report;
}

} // namespace repere::store
