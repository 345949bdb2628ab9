#include "store/migrations.hpp"

namespace repere::store {

namespace {

// v1: the first kiosk schema (results and their outbox).
constexpr const char* kV1 = R"sql(
CREATE TABLE beneficiary (
  code          TEXT PRIMARY KEY,
  first_name    TEXT,
  consent_at_ms INTEGER,
  created_at_ms INTEGER NOT NULL
);
CREATE TABLE attempt (
  uuid           TEXT PRIMARY KEY,
  code           TEXT NOT NULL REFERENCES beneficiary(code),
  quiz_id        TEXT NOT NULL,
  quiz_version   TEXT NOT NULL,
  quiz_hash      TEXT NOT NULL,
  kiosk_id       TEXT NOT NULL,
  seed           INTEGER NOT NULL,
  locale         TEXT NOT NULL DEFAULT 'fr',
  started_at_ms  INTEGER NOT NULL,
  updated_at_ms  INTEGER NOT NULL,
  finished_at_ms INTEGER,
  status         TEXT NOT NULL CHECK (status IN ('in_progress', 'paused', 'finished', 'abandoned')),
  result         TEXT
);
CREATE INDEX attempt_by_code ON attempt(code, started_at_ms);
CREATE TABLE response (
  uuid           TEXT PRIMARY KEY,
  attempt_uuid   TEXT NOT NULL REFERENCES attempt(uuid) ON DELETE CASCADE,
  seq            INTEGER NOT NULL,
  section_id     TEXT NOT NULL,
  item_id        TEXT NOT NULL,
  item_rev       INTEGER NOT NULL,
  answer         TEXT NOT NULL,
  score          REAL NOT NULL,
  max_score      REAL NOT NULL,
  status         TEXT NOT NULL,
  duration_ms    INTEGER NOT NULL,
  plays          INTEGER NOT NULL,
  answered_at_ms INTEGER NOT NULL,
  UNIQUE (attempt_uuid, seq)
);
CREATE TABLE outbox (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  record_id     TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL,
  attempt_uuid  TEXT,
  payload       TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  batch_id      TEXT,
  state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'acked'))
);
CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql";

// v2: trainer area (accounts, manual scores, notes, audit) and acknowledgement times, which
// retention needs. The v1 three-state column becomes batch_id + acked_at_ms; rows acknowledged
// under v1 get their creation time as acknowledgement time (the best we know).
constexpr const char* kV2 = R"sql(
CREATE TABLE trainer (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE COLLATE NOCASE,
  pin_hash        TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('trainer', 'admin')),
  failures        INTEGER NOT NULL DEFAULT 0,
  locked_until_ms INTEGER NOT NULL DEFAULT 0,
  created_at_ms   INTEGER NOT NULL
);
CREATE TABLE manual_score (
  uuid          TEXT PRIMARY KEY,
  response_uuid TEXT NOT NULL REFERENCES response(uuid) ON DELETE CASCADE,
  trainer       TEXT NOT NULL,
  at_ms         INTEGER NOT NULL,
  points        TEXT NOT NULL,
  score         REAL NOT NULL,
  max_score     REAL NOT NULL
);
CREATE INDEX manual_score_by_response ON manual_score(response_uuid, at_ms);
CREATE TABLE note (
  uuid         TEXT PRIMARY KEY,
  code         TEXT NOT NULL REFERENCES beneficiary(code) ON DELETE CASCADE,
  attempt_uuid TEXT REFERENCES attempt(uuid) ON DELETE CASCADE,
  trainer      TEXT NOT NULL,
  at_ms        INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('note', 'next_step')),
  text         TEXT NOT NULL
);
CREATE INDEX note_by_code ON note(code, at_ms);
CREATE TABLE audit (
  id     INTEGER PRIMARY KEY AUTOINCREMENT,
  at_ms  INTEGER NOT NULL,
  actor  TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
ALTER TABLE outbox ADD COLUMN acked_at_ms INTEGER;
UPDATE outbox SET acked_at_ms = created_at_ms WHERE state = 'acked';
UPDATE outbox SET batch_id = NULL WHERE state = 'pending';
ALTER TABLE outbox DROP COLUMN state;
CREATE INDEX outbox_pending ON outbox(seq) WHERE acked_at_ms IS NULL;
CREATE INDEX outbox_by_batch ON outbox(batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX outbox_by_attempt ON outbox(attempt_uuid);
)sql";

// v3 (sync): the quiz package versions pulled from the central server and where they are
// unpacked; written with the trainer accounts and catalogue version in one transaction.
constexpr const char* kV3 = R"sql(
CREATE TABLE catalog_quiz (
  quiz_id         TEXT NOT NULL,
  version         TEXT NOT NULL,
  sha256          TEXT NOT NULL,
  folder          TEXT NOT NULL,
  installed_at_ms INTEGER NOT NULL,
  PRIMARY KEY (quiz_id, version)
);
)sql";

// v4 (trainer area): the diagnostic a counsellor assigned to a code, which the beneficiary's
// choice screen then offers alone. One current assignment per code (a new one replaces it);
// it stays on the kiosk (who did it is in the audit log) and goes with its beneficiary.
constexpr const char* kV4 = R"sql(
CREATE TABLE assignment (
  code           TEXT PRIMARY KEY REFERENCES beneficiary(code) ON DELETE CASCADE,
  quiz_id        TEXT NOT NULL,
  trainer        TEXT NOT NULL,
  assigned_at_ms INTEGER NOT NULL
);
)sql";

// v5 (security): where a trainer account comes from (typed on this kiosk, or pulled from the
// server's catalogue) and how many lock-outs in a row it has had (each lasts longer). Accounts of
// older files count as local when the audit log shows them added here, else they came from the
// server. The device identity leaves sync_state for its own file (Database::moveIdentityOut,
// code, not SQL: it writes a file).
constexpr const char* kV5 = R"sql(
ALTER TABLE trainer ADD COLUMN origin TEXT NOT NULL DEFAULT 'local'
  CHECK (origin IN ('local', 'server'));
ALTER TABLE trainer ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;
UPDATE trainer SET origin = 'server' WHERE NOT EXISTS (SELECT 1 FROM audit a
  WHERE a.action = 'trainer-add' AND a.detail = trainer.name || ' (' || trainer.role || ')');
)sql";

// v6 (sync): an outbox record too large for any batch is set aside on the kiosk, with why,
// instead of blocking every record behind it; it is kept (never acknowledged, never purged).
constexpr const char* kV6 = R"sql(
ALTER TABLE outbox ADD COLUMN set_aside_at_ms INTEGER;
ALTER TABLE outbox ADD COLUMN set_aside_reason TEXT;
)sql";

// v7 (sync, issue 18): recorded answers on their way to the server. One row per spoken answer
// once its file is declared (sha256 and size, NULL when the file was missing): the "recording"
// outbox record that declared it, and when the server confirmed the whole file. Retention waits
// for that confirmation; rows go with their response.
constexpr const char* kV7 = R"sql(
CREATE TABLE recording_upload (
  response_uuid   TEXT PRIMARY KEY REFERENCES response(uuid) ON DELETE CASCADE,
  path            TEXT NOT NULL,
  sha256          TEXT,
  size            INTEGER,
  record_id       TEXT,
  declared_at_ms  INTEGER NOT NULL,
  confirmed_at_ms INTEGER
);
CREATE INDEX recording_upload_by_sha ON recording_upload(sha256) WHERE sha256 IS NOT NULL;
)sql";

// v8 (issue 15): one shape for attempt results (engine/attempt_result.hpp). The kiosk's
// controller used to write "skills" as an array of {"skill", "levelId", "level": index,
// "items"...}; those results are rewritten to the one shape: "skills" keyed by skill id with
// "level" (id or null), "levelIndex", "itemsUsed" and "estimated" (it had a scored answer: items
// used and not skipped). Their competence scores were never computed, so "competences" is added
// empty. Outbox payloads are left as sent: the server reads both shapes (attemptResultFromJson).
constexpr const char* kV8 = R"sql(
UPDATE attempt SET result = json_insert(json_set(result, '$.skills', (
  SELECT json_group_object(s.value ->> '$.skill', json_object(
    'level', CASE WHEN coalesce(s.value ->> '$.levelId', '') = '' THEN NULL
                  ELSE s.value ->> '$.levelId' END,
    'levelIndex', json(s.value -> '$.level'),
    'theta', json(s.value -> '$.theta'),
    'se', json(s.value -> '$.se'),
    'score', json(s.value -> '$.score'),
    'maxScore', json(s.value -> '$.maxScore'),
    'percent', json(s.value -> '$.percent'),
    'itemsUsed', json(s.value -> '$.items'),
    'dontKnow', json(s.value -> '$.dontKnow'),
    'pendingManual', json(s.value -> '$.pendingManual'),
    'estimated', json(CASE WHEN coalesce(s.value ->> '$.items', 0) > 0
                            AND NOT coalesce(s.value ->> '$.skipped', 0)
                           THEN 'true' ELSE 'false' END),
    'skipped', json(s.value -> '$.skipped'),
    'unavailable', json(s.value -> '$.unavailable'),
    'notAssessed', json(s.value -> '$.notAssessed')))
  FROM json_each(attempt.result, '$.skills') AS s
  WHERE s.value ->> '$.skill' IS NOT NULL)), '$.competences', json_object())
WHERE result IS NOT NULL AND json_valid(result) AND json_type(result, '$.skills') = 'array';
)sql";

// v9 (issue 14): the "admin" trainer role granted nothing anywhere; it goes. Every account,
// "admin" ones included, stays as a plain trainer with its PIN, lock-out and origin.
constexpr const char* kV9 = R"sql(
ALTER TABLE trainer DROP COLUMN role;
)sql";

} // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all{
        {1, "results: beneficiary, attempt, response, outbox, sync_state", kV1},
        {2, "trainer area: trainer, manual_score, note, audit; outbox acknowledgement times", kV2},
        {3, "sync: quiz package versions installed from the server's catalogue", kV3},
        {4, "trainer area: diagnostic assigned to a beneficiary code", kV4},
        {5, "security: trainer origin and lock-out count; device identity in its own file", kV5},
        {6, "sync: outbox records too large for a batch set aside with a reason", kV6},
        {7, "sync: recorded answers declared to the server and confirmed by it", kV7},
        {8, "results: one shape for attempt results (skills keyed by id)", kV8},
        {9, "security: the unused admin trainer role removed (admins become trainers)", kV9},
    };
    return all;
}

} // namespace repere::store
