#include "sync/server/request_log.hpp"

#include <chrono>
#include <optional>

namespace repere::sync::server {
namespace {

// cpp-httplib handles a request from its headers to its log call on one pool thread.
thread_local std::optional<std::chrono::steady_clock::time_point> tStart;
thread_local std::string tDevice;

} // namespace

void noteRequestStart() {
    tStart = std::chrono::steady_clock::now();
    tDevice.clear();
}

void noteRequestDevice(const std::string& deviceId) {
    tDevice = deviceId;
}

std::string loggablePath(const std::string& path) {
    static const std::string people = "/beneficiaires/";
    if (path.rfind(people, 0) != 0 || path.size() == people.size())
        return path;
    const auto end = path.find('/', people.size());
    return people + "*" + (end == std::string::npos ? "" : path.substr(end));
}

std::string takeRequestLogLine(const std::string& method, const std::string& path, int status) {
    std::string ms = "-"; // a request refused before routing (malformed) has no start
    if (tStart)
        ms = std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - *tStart)
                                .count());
    std::string line = "request " + method + " " + loggablePath(path) + " " +
                       std::to_string(status) + " " + ms +
                       "ms device=" + (tDevice.empty() ? "-" : tDevice);
    tStart.reset();
    tDevice.clear();
    return line;
}

} // namespace repere::sync::server
