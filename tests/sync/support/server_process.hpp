// repere-server as a child process (for kill -9 / restart tests): started with --listen
// 127.0.0.1:PORT (0 = any), its port read from the "listening on" line it prints.
#pragma once

#include <cstdio>
#include <signal.h>
#include <spawn.h>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace repere::test {

class ServerProcess {
public:
    // extraArgs: e.g. {"--tls-cert", CERT, "--tls-key", KEY} (the URL then starts with https).
    ServerProcess(const std::string& dbSpec, int port = 0, std::vector<std::string> extraArgs = {})
        : extraArgs_(std::move(extraArgs)) {
        start(dbSpec, port);
    }
    ~ServerProcess() { kill(SIGKILL); }

    void start(const std::string& dbSpec, int port) {
        int fds[2];
        if (::pipe(fds) != 0)
            throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        const std::string bin = std::string(REPERE_BIN_DIR) + "/repere-server";
        const std::string listen = "127.0.0.1:" + std::to_string(port);
        std::vector<std::string> args = {bin, "--listen", listen, "--db", dbSpec};
        args.insert(args.end(), extraArgs_.begin(), extraArgs_.end());
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        if (posix_spawn(&pid_, bin.c_str(), &actions, nullptr, argv.data(), environ) != 0)
            throw std::runtime_error("cannot start " + bin);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        FILE* out = ::fdopen(fds[0], "r");
        char line[512] = {0};
        if (!std::fgets(line, sizeof line, out))
            throw std::runtime_error("repere-server printed nothing");
        std::fclose(out);
        const std::string s = line;
        const auto p = s.find("127.0.0.1:");
        if (p == std::string::npos)
            throw std::runtime_error("unexpected first line: " + s);
        port_ = std::stoi(s.substr(p + 10));
        scheme_ = s.find("https://") != std::string::npos ? "https" : "http";
    }
    void kill(int sig) {
        if (pid_ <= 0)
            return;
        ::kill(pid_, sig);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
    }
    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    std::string url() const { return scheme_ + "://127.0.0.1:" + std::to_string(port_); }

private:
    std::vector<std::string> extraArgs_;
    std::string scheme_ = "http";
    pid_t pid_ = -1;
    int port_ = 0;
};

} // namespace repere::test
