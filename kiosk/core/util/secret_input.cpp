#include "util/secret_input.hpp"

#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace repere::util {

bool stdinIsTerminal() {
    return isatty(STDIN_FILENO) != 0;
}

std::string readSecretLine(const char* prompt) {
    const bool tty = stdinIsTerminal();
    termios saved{};
    if (tty) {
        std::cerr << prompt << std::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::cerr << "\n";
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

} // namespace repere::util
