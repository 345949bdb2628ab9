# Shared by the maintainer scripts of repere-kiosk and repere-server (copied into each at
# build time by cmake/ReperePackaging.cmake, so every script is self-contained).
# The repere system user owns /var/lib/repere (0700): results, recordings, the server database.
repere_add_user() {
  if ! getent passwd repere >/dev/null; then
    adduser --system --group --quiet --home /var/lib/repere --no-create-home \
      --shell /usr/sbin/nologin --gecos "Repere" repere
  fi
  # Also tightens a folder left by an earlier install or made by hand.
  install -d -o repere -g repere -m 0700 /var/lib/repere
}
repere_daemon_reload() {
  if [ -d /run/systemd/system ]; then systemctl daemon-reload >/dev/null 2>&1 || true; fi
}
# Purge removes the program and its configuration, never the data, unless asked:
#   REPERE_PURGE_DATA=yes apt-get purge repere-kiosk repere-server
repere_purge_data() {
  if [ "${REPERE_PURGE_DATA:-no}" = yes ]; then
    rm -rf /var/lib/repere
    echo "$1: /var/lib/repere removed (REPERE_PURGE_DATA=yes)"
  elif [ -d /var/lib/repere ]; then
    echo "$1: data kept in /var/lib/repere (REPERE_PURGE_DATA=yes apt-get purge $1 removes it)"
  fi
  rmdir /etc/repere 2>/dev/null || true
}
