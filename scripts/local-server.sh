# A local repere-server for the demo kiosk, so "Synchroniser maintenant" works out of the box.
# Sourced by scripts/run.sh (and by tests/sync/local_server_test.sh):
#   local_server_start BIN_DIR DATA_DIR QUIZZES_DIR   starts it, enrols the kiosk if needed
#   local_server_stop                                 stops it (also safe when it never started)
# The server keeps its SQLite file in DATA_DIR/server/ and listens on 127.0.0.1 only, on the
# port it had last time when that port is still free, else on any free port. The kiosk is
# enrolled on the first run, and again only when that local address changed. A kiosk that IT
# enrolled with another server is left alone (no local server then).
# shellcheck shell=bash

LOCAL_SERVER_PID=""
LOCAL_SERVER_URL=""

# _local_server_listen BIN DB PORT LOG [QUIZZES]: starts the server; sets LOCAL_SERVER_URL and
# LOCAL_SERVER_PID, or leaves them empty when it did not come up (no subshell: the PID must stay).
# QUIZZES: the packages the back office reads attempts with (levels, question texts).
_local_server_listen() {
  local bin="$1" db="$2" port="$3" log="$4" quizzes="${5:-}"
  local extra=()
  [ -n "$quizzes" ] && extra=(--quizzes "$quizzes")
  : >"$log"
  "$bin/repere-server" --listen "127.0.0.1:$port" --db "sqlite:$db" "${extra[@]}" >>"$log" 2>&1 &
  LOCAL_SERVER_PID=$!
  for _ in $(seq 1 100); do
    if grep -q "listening on" "$log" 2>/dev/null; then
      LOCAL_SERVER_URL="$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)"
      return 0
    fi
    kill -0 "$LOCAL_SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill "$LOCAL_SERVER_PID" 2>/dev/null || true
  wait "$LOCAL_SERVER_PID" 2>/dev/null || true
  LOCAL_SERVER_PID=""
  LOCAL_SERVER_URL=""
}

# _kiosk_sync_value BIN DATA KEY: one value from `repere sync-status` ("" when none).
_kiosk_sync_value() {
  { "$1/repere" sync-status --data-dir "$2" 2>/dev/null || true; } | sed -n "s/^$3=//p"
}

local_server_start() {
  local bin="$1" data="$2" quizzes="$3"
  local dir="$data/server"
  local db="$dir/server.db" log="$dir/server.log"
  (umask 077 && mkdir -p "$dir") # the server's results and token hashes: owner only

  local enrolled_at previous_local
  enrolled_at="$(_kiosk_sync_value "$bin" "$data" server_url)"
  previous_local="$(cat "$dir/url" 2>/dev/null || true)"
  if [ -n "$enrolled_at" ] && [ "$enrolled_at" != "$previous_local" ]; then
    echo "run: this kiosk is enrolled with $enrolled_at; no local sync server started"
    return 0
  fi

  local first_run=0
  [ -f "$db" ] || first_run=1
  local port=0
  [ -n "$previous_local" ] && port="${previous_local##*:}"
  _local_server_listen "$bin" "$db" "$port" "$log" "$quizzes"
  if [ -z "$LOCAL_SERVER_URL" ] && [ "$port" != 0 ]; then
    echo "run: port $port is taken; the local sync server takes another one"
    _local_server_listen "$bin" "$db" 0 "$log" "$quizzes"
  fi
  if [ -z "$LOCAL_SERVER_URL" ]; then
    echo "run: the local sync server did not start (see $log); the kiosk runs without it" >&2
    return 1
  fi
  echo "run: local sync server $LOCAL_SERVER_URL (database $db, log $log)"

  if [ "$first_run" = 1 ]; then
    # Published quiz versions make the kiosk's results "stored" rather than "quarantined".
    local pkg
    for pkg in "$quizzes"/*/; do
      [ -f "$pkg/quiz.json" ] || continue
      "$bin/repere-server" admin publish-quiz --db "sqlite:$db" "$pkg" >>"$log" 2>&1 ||
        echo "run: $(basename "$pkg") not published on the local server (see $log)"
    done
  fi

  if [ "$enrolled_at" != "$LOCAL_SERVER_URL" ]; then
    local code
    code="$("$bin/repere-server" admin enrol-code --db "sqlite:$db" --agency "Démo locale")" || return 1
    if ! "$bin/repere" enrol --data-dir "$data" --server "$LOCAL_SERVER_URL" --code "$code" --name "kiosque-demo"; then
      echo "run: enrolment with the local sync server failed (see above)" >&2
      return 1
    fi
  fi
  echo "$LOCAL_SERVER_URL" >"$dir/url"
  _local_server_demo_user "$bin" "$db" "$dir" || echo "run: no demo back-office account (see above)" >&2
}

# _local_server_demo_user BIN DB DIR: a demo counsellor of the kiosk's agency for the back office,
# made once with a random password kept (owner-only) in DIR/backoffice-demo, printed every run.
_local_server_demo_user() {
  local bin="$1" db="$2" dir="$3" file="$3/backoffice-demo"
  LOCAL_BACKOFFICE_NAME="conseillere-demo"
  if [ ! -s "$file" ]; then
    local password
    password="demo-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')"
    printf '%s\n' "$password" | "$bin/repere-server" admin add-user --db "sqlite:$db" \
      --agency "Démo locale" --name "$LOCAL_BACKOFFICE_NAME" --role counsellor >/dev/null || return 1
    (umask 077 && printf '%s\n' "$password" >"$file")
  fi
  LOCAL_BACKOFFICE_PASSWORD="$(cat "$file")"
  echo "run: back office $LOCAL_SERVER_URL/ (nom : $LOCAL_BACKOFFICE_NAME, mot de passe : $LOCAL_BACKOFFICE_PASSWORD)"
}

local_server_stop() {
  if [ -n "$LOCAL_SERVER_PID" ]; then
    kill "$LOCAL_SERVER_PID" 2>/dev/null || true
    wait "$LOCAL_SERVER_PID" 2>/dev/null || true
    LOCAL_SERVER_PID=""
  fi
}
