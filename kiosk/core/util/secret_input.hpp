// Reading a PIN from standard input (never from the command line, where `ps` and the shell
// history would keep it). Shared by `repere trainer add` and `repere-server admin add-trainer`.
#pragma once

#include <string>

namespace repere::util {

// One line from stdin; on a terminal `prompt` is shown on stderr and the typing is not echoed.
std::string readSecretLine(const char* prompt);

// True when standard input is a terminal (then ask twice).
bool stdinIsTerminal();

} // namespace repere::util
