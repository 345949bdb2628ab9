# The demo kiosk's data folder and trainer account, for scripts/run.sh (and its test,
# tests/security/demo_data_test.cpp):
#   demo_data_prepare BIN_DIR DATA_DIR
# makes the data folder 0700 (it holds results and the device token) and creates the demo trainer
# (DEMO_TRAINER_NAME / DEMO_TRAINER_PIN) unless it exists. Any failing step stops with a message
# and a non-zero status: the PIN is printed only when the account really exists.
# shellcheck shell=bash

DEMO_TRAINER_NAME="demo"
DEMO_TRAINER_PIN="246810" # 6 digits: the kiosk refuses shorter PINs

demo_data_prepare() {
  local bin="$1" data="$2"
  if ! (umask 077 && mkdir -p "$data") || ! chmod 700 "$data"; then
    echo "run: cannot create the data folder $data" >&2
    return 1
  fi
  if [ -f "$data/repere.sqlite" ] &&
    "$bin/repere" trainer list --data-dir "$data" | cut -f1 | grep -qx "$DEMO_TRAINER_NAME"; then
    echo "run: trainer account: $DEMO_TRAINER_NAME / PIN $DEMO_TRAINER_PIN (already there; if it was changed, repere trainer remove $DEMO_TRAINER_NAME)"
    demo_data_howto
    return 0
  fi
  local err
  if ! err="$(printf '%s\n' "$DEMO_TRAINER_PIN" |
    "$bin/repere" trainer add --data-dir "$data" --name "$DEMO_TRAINER_NAME" 2>&1 >/dev/null)"; then
    echo "run: the demo trainer account could not be created: $err" >&2
    return 1
  fi
  echo "run: trainer account: $DEMO_TRAINER_NAME / PIN $DEMO_TRAINER_PIN"
  demo_data_howto
}

# The log-in page lists no names: say how to get in.
demo_data_howto() {
  echo "run: trainer area: tap « Formateur », type the name $DEMO_TRAINER_NAME on the keyboard, « Suivant », then the PIN"
}
