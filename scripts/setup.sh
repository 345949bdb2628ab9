#!/usr/bin/env bash
# Installs every Debian 12 package Repère needs. This is the only place packages are named.
# Idempotent: packages already present are skipped, apt is only called when something is missing.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang clang-format
  # the architecture test of function lengths (scripts/long-functions.py) reads definitions with it
  universal-ctags
  # compiler cache: rebuilds after a rebase or in a second work tree reuse earlier objects
  ccache
  # core libraries
  libsqlitecpp-dev libsqlite3-dev sqlite3 nlohmann-json3-dev libsodium-dev libcli11-dev
  # tests
  catch2
  # kiosk: Dear ImGui 1.86 + GLFW + OpenGL 3, images, fonts
  libimgui-dev libstb-dev libglfw3-dev libgl-dev fonts-sil-andika
  # audio: decoding, playback/recording, speech synthesis
  libsndfile1-dev portaudio19-dev libasound2-dev libjack-jackd2-dev libespeak-ng-dev espeak-ng sox
  # bilan PDF and QR codes
  libcairo2-dev libpango1.0-dev libqrencode-dev poppler-utils
  # sync: HTTP(S) with gzip, PostgreSQL backend
  libcpp-httplib-dev libssl-dev zlib1g-dev libpqxx-dev postgresql
  # server ingest: kiosk payloads read with simdjson
  libsimdjson-dev
  # item calibration on the server (admin calibrate): Eigen for the linear algebra
  libeigen3-dev
  # sync TLS test: a CA and a server certificate made in the test
  openssl
  # headless UI runs and screenshots
  xvfb xauth x11-utils mesa-utils libgl1-mesa-dri
  # bundled quizzes: pictures (emoji pictograms + drawn scenes) and sounds (scripts/make-content.sh)
  fonts-noto-color-emoji fonts-dejavu-core pango1.0-tools librsvg2-bin vorbis-tools
  # scripts
  python3 jq curl procps iproute2 util-linux
  # back office browser test (tests/web): headless Chromium driven by Selenium
  chromium chromium-driver python3-selenium
  # quiz tools: JSON Schema check of the bundled quizzes, libFuzzer for the loader (clang)
  python3-jsonschema libclang-rt-14-dev
  # deployment (issue 20): systemd-analyze checks the units (tests/deploy), debootstrap makes the
  # fresh Debian root scripts/test-packages.sh installs the packages into, systemd-nspawn boots
  # it to run the kiosk's unit under a real systemd (scripts/test-kiosk-unit.sh)
  systemd debootstrap systemd-container
  # two repere-server processes behind a load balancer (tests/deploy/two_servers_test.sh)
  haproxy
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup: done"
