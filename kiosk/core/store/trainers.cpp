// Trainer accounts: Argon2id PIN hashes (libsodium), origin, escalating lock-out after
// repeated wrong PINs. The failure counter, the lock and the number of locks so far live in the
// file, so pulling the plug resets none of them.
#include "store/database.hpp"
#include "store/ids.hpp"
#include "store/sql_util.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <sodium.h>

namespace repere::store {

namespace {

// Every account is a plain trainer: the "admin" role granted nothing and went in schema v9.
constexpr const char* kSelect = "SELECT id, name, failures, locked_until_ms, created_at_ms,"
                                " pin_hash, origin, lockouts FROM trainer";
constexpr int kHashColumn = 5;

TrainerInfo readTrainer(SQLite::Statement& st) {
    TrainerInfo t;
    t.id = st.getColumn(0).getInt64();
    t.name = st.getColumn(1).getString();
    t.failures = st.getColumn(2).getInt();
    t.lockedUntilMs = st.getColumn(3).getInt64();
    t.createdAtMs = st.getColumn(4).getInt64();
    t.origin =
        st.getColumn(6).getString() == "server" ? TrainerOrigin::Server : TrainerOrigin::Local;
    t.lockouts = st.getColumn(7).getInt();
    return t;
}

bool validPin(const std::string& pin) {
    return pin.size() >= static_cast<std::size_t>(kMinPinDigits) &&
           pin.size() <= static_cast<std::size_t>(kMaxPinDigits) &&
           std::all_of(pin.begin(), pin.end(),
                       [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) {
        return {};
    }
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

} // namespace

std::int64_t pinLockMs(int lockoutsBefore) {
    constexpr std::int64_t kMinute = 60'000;
    constexpr std::array<std::int64_t, 4> kSteps{1 * kMinute, 5 * kMinute, 30 * kMinute,
                                                 180 * kMinute};
    if (lockoutsBefore < 0) {
        lockoutsBefore = 0;
    }
    if (static_cast<std::size_t>(lockoutsBefore) < kSteps.size()) {
        return kSteps[static_cast<std::size_t>(lockoutsBefore)];
    }
    return 24 * 60 * kMinute;
}

const char* toString(TrainerOrigin o) {
    return o == TrainerOrigin::Server ? "server" : "local";
}

PinHashParams PinHashParams::interactive() {
    return {crypto_pwhash_opslimit_interactive(), crypto_pwhash_memlimit_interactive()};
}

PinHashParams PinHashParams::minimum() {
    return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

TrainerInfo Database::addTrainer(const std::string& rawName, const std::string& pin,
                                 const PinHashParams& params) {
    const std::string name = trimmed(rawName);
    if (name.empty() || name.size() > 80) {
        throw StoreError(StoreErrorKind::Invalid, "a trainer needs a name (1 to 80 characters)");
    }
    if (!validPin(pin)) {
        throw StoreError(StoreErrorKind::Invalid,
                         "a PIN is " + std::to_string(kMinPinDigits) + " to " +
                             std::to_string(kMaxPinDigits) +
                             " digits (a shorter one is guessed too easily); nothing was saved");
    }
    std::array<char, crypto_pwhash_STRBYTES> hash{};
    if (crypto_pwhash_str_alg(hash.data(), pin.data(), pin.size(), params.opsLimit, params.memLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw StoreError(StoreErrorKind::Other, "not enough memory to hash the PIN");
    }
    TrainerInfo t;
    t.name = name;
    t.createdAtMs = clock_();
    try {
        write([&] {
            SQLite::Statement ins(
                *db_, "INSERT INTO trainer (name, pin_hash, created_at_ms) VALUES (?,?,?)");
            ins.bind(1, name);
            ins.bind(2, std::string(hash.data()));
            ins.bind(3, t.createdAtMs);
            ins.exec();
            t.id = db_->getLastInsertRowid();
            auditInTx("cli", "trainer-add", name);
        });
    } catch (const StoreError& e) {
        if (e.kind() == StoreErrorKind::Constraint) {
            throw StoreError(StoreErrorKind::Constraint,
                             "a trainer named \"" + name + "\" already exists");
        }
        throw;
    }
    sodium_memzero(hash.data(), hash.size());
    return t;
}

void Database::upsertTrainerHash(const std::string& name, const std::string& pinHash) {
    if (pinHash.rfind("$argon2id$", 0) != 0) {
        throw StoreError(StoreErrorKind::Invalid,
                         "trainer " + name + ": the PIN hash is not Argon2id");
    }
    write([&] {
        SQLite::Statement st(*db_, "INSERT INTO trainer (name, pin_hash, created_at_ms, origin)"
                                   " VALUES (?,?,?,'server')"
                                   " ON CONFLICT(name) DO UPDATE SET pin_hash = excluded.pin_hash,"
                                   " origin = 'server'");
        st.bind(1, trimmed(name));
        st.bind(2, pinHash);
        st.bind(3, clock_());
        st.exec();
    });
}

std::vector<TrainerInfo> Database::listTrainers() {
    std::vector<TrainerInfo> out;
    read([&] {
        SQLite::Statement st(*db_, std::string(kSelect) + " ORDER BY name");
        while (st.executeStep()) {
            out.push_back(readTrainer(st));
        }
    });
    return out;
}

bool verifyPinHash(const std::string& hash, const std::string& pin) {
    return !hash.empty() && crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

LoginResult Database::login(const std::string& name, const std::string& pin) {
    const LoginCheck check = beginLogin(name);
    // The check runs even for an unknown name or a locked account, so the time taken tells
    // neither; finishLogin ignores its result then.
    return finishLogin(check, verifyPinHash(check.hash, pin));
}

LoginCheck Database::beginLogin(const std::string& rawName) {
    LoginCheck check;
    check.name = trimmed(rawName);
    read([&] {
        // The name is typed on the kiosk: "mme benali" is "Mme Benali" (ASCII letters), unless
        // two accounts differ only by case, where only the exact spelling matches.
        SQLite::Statement st(*db_, std::string(kSelect) + " WHERE name = ?1 COLLATE NOCASE"
                                                          " ORDER BY name = ?1 DESC LIMIT 2");
        st.bind(1, check.name);
        if (st.executeStep()) {
            const bool exact = st.getColumn(1).getString() == check.name;
            TrainerInfo first = readTrainer(st);
            std::string firstHash = st.getColumn(kHashColumn).getString();
            if (exact || !st.executeStep()) {
                check.trainer = std::move(first);
                check.hash = std::move(firstHash);
            }
        }
        if (!check.trainer) {
            // Any stored hash (a server one first: they cost the most) to check the PIN against,
            // so an unknown name takes as long as a known one.
            SQLite::Statement any(*db_, "SELECT pin_hash FROM trainer"
                                        " ORDER BY origin = 'server' DESC, id LIMIT 1");
            if (any.executeStep()) {
                check.hash = any.getColumn(0).getString();
            }
        }
    });
    return check;
}

LoginResult Database::finishLogin(const LoginCheck& check, bool pinMatches) {
    LoginResult result;
    const std::int64_t now = clock_();
    std::optional<TrainerInfo> trainer = check.trainer;
    write([&] {
        if (!trainer) {
            auditInTx(check.name, "login-failed", "unknown trainer");
            return;
        }
        // Read again inside the transaction: another screen may have counted failures, locked
        // or removed the account while the PIN was being checked.
        SQLite::Statement cur(
            *db_, "SELECT failures, lockouts, locked_until_ms FROM trainer WHERE id = ?");
        cur.bind(1, trainer->id);
        if (!cur.executeStep()) {
            trainer.reset();
            auditInTx(check.name, "login-failed", "unknown trainer");
            return;
        }
        const int failures = cur.getColumn(0).getInt() + 1;
        const int lockouts = cur.getColumn(1).getInt();
        const std::int64_t lockedUntil = cur.getColumn(2).getInt64();
        cur.reset();
        if (lockedUntil > now) {
            auditInTx(trainer->name, "login-refused", "account locked");
            result.status = LoginStatus::Locked;
            result.lockedUntilMs = lockedUntil;
            return;
        }
        if (pinMatches) {
            SQLite::Statement up(
                *db_, "UPDATE trainer SET failures = 0, locked_until_ms = 0, lockouts = 0"
                      " WHERE id = ?");
            up.bind(1, trainer->id);
            up.exec();
            auditInTx(trainer->name, "login-ok", "");
            trainer->failures = 0;
            trainer->lockedUntilMs = 0;
            trainer->lockouts = 0;
            result.status = LoginStatus::Ok;
            result.trainer = trainer;
            return;
        }
        const bool lock = failures >= kMaxPinFailures;
        const std::int64_t until = lock ? now + pinLockMs(lockouts) : 0;
        SQLite::Statement up(*db_, "UPDATE trainer SET failures = ?, locked_until_ms = ?,"
                                   " lockouts = ? WHERE id = ?");
        up.bind(1, lock ? 0 : failures);
        up.bind(2, until);
        up.bind(3, lock ? lockouts + 1 : lockouts);
        up.bind(4, trainer->id);
        up.exec();
        auditInTx(trainer->name, lock ? "login-locked" : "login-failed",
                  "wrong PIN (" + std::to_string(failures) + "/" + std::to_string(kMaxPinFailures) +
                      ")" +
                      (lock ? ", lock " + std::to_string(lockouts + 1) + " for " +
                                  std::to_string(pinLockMs(lockouts) / 60'000) + " min"
                            : std::string()));
        result.triesLeft = lock ? 0 : kMaxPinFailures - failures;
        result.lockedUntilMs = until;
        result.status = lock ? LoginStatus::Locked : LoginStatus::WrongPin;
    });
    return result;
}

bool Database::removeTrainer(const std::string& rawName, const std::string& actor) {
    const std::string name = trimmed(rawName);
    bool removed = false;
    write([&] {
        SQLite::Statement st(*db_, "DELETE FROM trainer WHERE name = ?");
        st.bind(1, name);
        removed = st.exec() > 0;
        if (removed) {
            auditInTx(actor, "trainer-remove", name);
        }
    });
    return removed;
}

bool Database::unlockTrainer(const std::string& rawName, const std::string& actor) {
    const std::string name = trimmed(rawName);
    bool found = false;
    write([&] {
        SQLite::Statement st(*db_, "UPDATE trainer SET failures = 0, locked_until_ms = 0,"
                                   " lockouts = 0 WHERE name = ?");
        st.bind(1, name);
        found = st.exec() > 0;
        if (found) {
            auditInTx(actor, "trainer-unlock", name);
        }
    });
    return found;
}

} // namespace repere::store
