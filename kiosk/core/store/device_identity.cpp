#include "store/device_identity.hpp"

#include "store/errors.hpp"
#include "util/private_files.hpp"

#include <array>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

namespace repere::store {

namespace fs = std::filesystem;

namespace {

// A few hundred bytes in practice; a larger file is not ours.
constexpr std::size_t kMaxIdentityBytes = 64 * 1024;

constexpr std::array<const char*, 5> kKeys{"server_url", "device_id", "device_token", "agency",
                                           "ca_file"};

} // namespace

bool isIdentityKey(const std::string& key) {
    for (const char* k : kKeys) {
        if (key == k) {
            return true;
        }
    }
    return false;
}

fs::path identityPathFor(const fs::path& databaseFile) {
    fs::path p = databaseFile;
    p.replace_extension(".identity");
    return p;
}

std::map<std::string, std::string> readIdentity(const fs::path& file) {
    std::map<std::string, std::string> out;
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        return out;
    }
    if (fs::file_size(file, ec) > kMaxIdentityBytes) {
        throw StoreError(StoreErrorKind::Corrupt, "the device identity " + file.string() +
                                                      " is too large to be one; enrol again");
    }
    std::ifstream in(file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (!doc.is_object()) {
        throw StoreError(StoreErrorKind::Corrupt, "the device identity " + file.string() +
                                                      " is damaged; enrol the kiosk again");
    }
    for (const auto& [key, value] : doc.items()) {
        if (value.is_string() && isIdentityKey(key)) {
            out[key] = value.get<std::string>();
        }
    }
    return out;
}

void writeIdentity(const fs::path& file, const std::map<std::string, std::string>& values) {
    nlohmann::json doc = nlohmann::json::object();
    for (const auto& [key, value] : values) {
        doc[key] = value;
    }
    try {
        util::writePrivateFile(file, doc.dump(2) + "\n");
    } catch (const std::exception& e) {
        throw StoreError(StoreErrorKind::WriteFailed,
                         std::string("the enrolment was not saved: ") + e.what());
    }
}

} // namespace repere::store
