#!/usr/bin/env bash
# The function-length check must be able to fail: a tree with one function of 90 lines is
# refused while the list of exceptions does not name it, accepted once it does, and refused
# again when the list names a function that is short.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
script="$here/../../scripts/long-functions.py"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/kiosk/app"
{
  echo "int shortOne() { return 1; }"
  echo "int longOne() {"
  echo "    int x = 0;"
  for i in $(seq 1 87); do echo "    x += $i;"; done
  echo "    return x;"
  echo "}"
} >"$tmp/kiosk/app/a.cpp"
fail=0
: >"$tmp/allowed.txt"
out="$(python3 "$script" --root "$tmp" --allowed "$tmp/allowed.txt" kiosk/app)" && {
  echo "FAIL: a 91-line function was accepted"; fail=1; }
grep -qF "FAIL: kiosk/app/a.cpp longOne has 91 lines" <<<"$out" || { echo "FAIL: not named: $out"; fail=1; }
echo "kiosk/app/a.cpp longOne  # a reason" >"$tmp/allowed.txt"
python3 "$script" --root "$tmp" --allowed "$tmp/allowed.txt" kiosk/app >/dev/null ||
  { echo "FAIL: the listed function was refused"; fail=1; }
echo "kiosk/app/a.cpp shortOne  # not long" >>"$tmp/allowed.txt"
python3 "$script" --root "$tmp" --allowed "$tmp/allowed.txt" kiosk/app >/dev/null &&
  { echo "FAIL: a listed short function was accepted"; fail=1; }
[ "$fail" -eq 0 ] && echo "long functions selftest: ok"
exit "$fail"
