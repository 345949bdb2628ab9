#include "sync/server/web_users.hpp"

#include "util/digest.hpp"

#include <algorithm>
#include <sodium.h>
#include <stdexcept>

namespace repere::sync::server {
namespace {

// INTERACTIVE cost (64 MiB, ~0.1 s): the hash never leaves the server, so the attacker is the
// log-in form, which the lock-out slows far more; MODERATE's 256 MiB per attempt would let a
// few concurrent log-ins exhaust the server's memory.
std::string hashPassword(const std::string& password) {
    util::ensureSodium();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            hash, password.c_str(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing the password");
    std::string out(hash);
    sodium_memzero(hash, sizeof hash);
    return out;
}

bool verify(const std::string& hash, const std::string& password) {
    return crypto_pwhash_str_verify(hash.c_str(), password.c_str(), password.size()) == 0;
}

// The hash an unknown name is checked against, so that both answers take the same time.
const std::string& decoyHash() {
    static const std::string h = hashPassword("repere-decoy-password");
    return h;
}

} // namespace

std::string passwordRefusal(const std::string& password) {
    if (password.size() < kMinPasswordChars)
        return "a password needs at least " + std::to_string(kMinPasswordChars) +
               " characters (got " + std::to_string(password.size()) + "); nothing was saved";
    if (password.size() > kMaxPasswordChars)
        return "a password has at most " + std::to_string(kMaxPasswordChars) +
               " characters; nothing was saved";
    return "";
}

void addWebUser(Storage& storage, const std::string& agency, const std::string& name,
                const std::string& role, const std::string& password, std::int64_t nowMs) {
    if (role != "counsellor" && role != "coordinator")
        throw std::runtime_error("--role must be counsellor or coordinator");
    if (agency.empty())
        throw std::runtime_error("--agency is required: a counsellor sees only their agency");
    if (name.empty() || name.size() > 64 ||
        std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20; }))
        throw std::runtime_error("--name must be 1 to 64 printable characters");
    if (const auto why = passwordRefusal(password); !why.empty())
        throw std::runtime_error(why);
    WebUser u;
    u.name = name;
    u.agency = agency;
    u.role = role;
    u.passwordHash = hashPassword(password);
    u.createdAtMs = nowMs;
    storage.upsertWebUser(u);
    storage.audit({nowMs, "add-user", "", "agency=" + agency + " name=" + name + " role=" + role});
}

bool removeWebUser(Storage& storage, const std::string& name, std::int64_t nowMs) {
    if (!storage.removeWebUser(name))
        return false;
    storage.audit({nowMs, "remove-user", "", "name=" + name});
    return true;
}

LoginCheck checkLogin(Storage& storage, const std::string& name, const std::string& password,
                      const std::string& from, std::int64_t nowMs) {
    util::ensureSodium();
    LoginCheck out;
    auto user = name.empty() ? std::nullopt : storage.webUser(name);
    if (!user) {
        (void)verify(decoyHash(), password);
        storage.audit({nowMs, "web-login-failed", "", "unknown name from " + from});
        return out;
    }
    if (user->lockedUntilMs > nowMs) {
        out.outcome = LoginOutcome::Locked;
        out.lockedUntilMs = user->lockedUntilMs;
        storage.audit({nowMs, "web-login-locked", "", "name=" + name + " from " + from});
        return out;
    }
    if (verify(user->passwordHash, password)) {
        storage.setWebUserLock(name, 0, 0, 0);
        storage.audit({nowMs, "web-login", "", "name=" + name + " from " + from});
        out.outcome = LoginOutcome::Ok;
        out.user = user;
        return out;
    }
    int failures = user->failures + 1;
    int lockouts = user->lockouts;
    std::int64_t lockedUntil = 0;
    if (failures >= kFailuresBeforeLock) {
        const std::int64_t length = std::min(kMaxLockMs, kFirstLockMs << std::min(lockouts, 20));
        lockedUntil = nowMs + length;
        failures = 0;
        ++lockouts;
        out.outcome = LoginOutcome::Locked;
        out.lockedUntilMs = lockedUntil;
    }
    storage.setWebUserLock(name, failures, lockedUntil, lockouts);
    storage.audit({nowMs, "web-login-failed", "", "name=" + name + " from " + from});
    return out;
}

} // namespace repere::sync::server
