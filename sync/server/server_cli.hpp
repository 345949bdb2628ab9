// The options of `repere-server` when it serves, and its configuration file. Every option can be
// set in the file given by --config (INI: `name = value`, the option's long name without its
// dashes, '#' comments) and on the command line, which wins. A key the server does not know is
// an error, so a typo never goes unnoticed.
#pragma once

#include "sync/server/http_server.hpp"

#include <string>

namespace CLI {
class App;
}

namespace repere::sync::server {

struct ServeSettings {
    std::string listen; // HOST:PORT
    std::string db;     // sqlite:PATH | postgresql://...
    ServerOptions options;
    int uploadBudgetMb = 200;
    int keepAuditDays = 365;
};

// Adds --config and the serving options to `app`, writing into `settings`.
void addServeOptions(CLI::App& app, ServeSettings& settings);

// Copies what the options imply into settings.options after parsing (the upload budget in bytes).
void finishServeSettings(ServeSettings& settings);

} // namespace repere::sync::server
