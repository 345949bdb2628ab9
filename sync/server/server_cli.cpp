#include "sync/server/server_cli.hpp"

#include <CLI/CLI.hpp>

namespace repere::sync::server {

void addServeOptions(CLI::App& app, ServeSettings& s) {
    app.set_config("--config", "",
                   "configuration file (e.g. /etc/repere/server.conf): `option = value` lines; "
                   "the command line wins");
    app.allow_config_extras(CLI::config_extras_mode::error);
    auto& o = s.options;
    app.add_option("--listen", s.listen, "HOST:PORT to listen on (port 0: any free port)");
    app.add_option("--db", s.db, "sqlite:PATH or postgresql://user@host/db");
    app.add_option("--tls-cert", o.tlsCert, "PEM certificate (chain) for HTTPS");
    app.add_option("--tls-key", o.tlsKey, "PEM private key for HTTPS");
    app.add_flag("--insecure-http", o.insecureHttp, "allow plain HTTP on a non-loopback address");
    app.add_option("--rate-limit", o.rateLimitPerMinute,
                   "requests per minute per device (0: no limit)")
        ->check(CLI::Range(0, 1000000))
        ->capture_default_str();
    app.add_option("--quizzes", o.quizzesDir,
                   "folder of quiz packages the back office reads attempts with (levels, texts)");
    app.add_option("--trusted-proxy", o.trustedProxies,
                   "address of a reverse proxy whose X-Forwarded-For is believed (repeatable)");
    app.add_option("--upload-budget-mb", s.uploadBudgetMb,
                   "recorded answers one kiosk may upload per day (UTC), in MB")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    app.add_option("--keep-audit-days", s.keepAuditDays,
                   "audit lines older than this go, at start and daily (-1: kept for ever)")
        ->check(CLI::Range(-1, 36500))
        ->capture_default_str();
}

void finishServeSettings(ServeSettings& s) {
    s.options.uploadBudgetBytesPerDay = static_cast<std::int64_t>(s.uploadBudgetMb) * 1'000'000;
}

} // namespace repere::sync::server
