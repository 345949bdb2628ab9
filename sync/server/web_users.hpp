// Back-office accounts (issue 18): `repere-server admin add-user|remove-user|users` and the
// password check of the log-in page, with its escalating lock-out. Passwords are hashed with
// Argon2id; only the hash is stored.
#pragma once

#include "sync/server/storage.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace repere::sync::server {

inline constexpr std::size_t kMinPasswordChars = 10;
inline constexpr std::size_t kMaxPasswordChars = 200;
// Wrong passwords in a row before the account locks; the first lock lasts kFirstLockMs and
// each following one twice the previous, up to kMaxLockMs.
inline constexpr int kFailuresBeforeLock = 5;
inline constexpr std::int64_t kFirstLockMs = 60 * 1000;
inline constexpr std::int64_t kMaxLockMs = 24 * 3600 * 1000;

// Why a password is refused (a sentence for the administrator), "" when it is acceptable.
std::string passwordRefusal(const std::string& password);

// Adds or replaces the account (its sessions end). Throws std::runtime_error on a bad role,
// agency, name or password. Audited (never the password).
void addWebUser(Storage& storage, const std::string& agency, const std::string& name,
                const std::string& role, const std::string& password, std::int64_t nowMs);
// False when there is no such account. Audited.
bool removeWebUser(Storage& storage, const std::string& name, std::int64_t nowMs);

enum class LoginOutcome { Ok, Wrong, Locked };
struct LoginCheck {
    LoginOutcome outcome = LoginOutcome::Wrong;
    std::optional<WebUser> user;    // set for Ok
    std::int64_t lockedUntilMs = 0; // set for Locked
};

// Checks the password, counts failures and locks the account after kFailuresBeforeLock of them.
// An unknown name costs the same hash check and answers Wrong, like a wrong password. Audited.
LoginCheck checkLogin(Storage& storage, const std::string& name, const std::string& password,
                      const std::string& from, std::int64_t nowMs);

} // namespace repere::sync::server
