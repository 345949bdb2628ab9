// One journal line per HTTP request: method, path, status, milliseconds and the device id when a
// kiosk's token was accepted. Never a token, a password, an enrolment or a beneficiary code:
// tokens and secrets travel in headers and bodies, which are not logged, and the one path that
// carries a code (/beneficiaires/CODE...) is masked.
#pragma once

#include <string>

namespace repere::sync::server {

// Called when a request's headers have been read (the server's pre-routing handler).
void noteRequestStart();
// Called when a request's bearer token named a device.
void noteRequestDevice(const std::string& deviceId);
// The line for the request this thread just answered; resets what the two calls above noted.
// Example: "request GET /api/v1/catalog 200 3ms device=5f0c..."
std::string takeRequestLogLine(const std::string& method, const std::string& path, int status);
// The path with the beneficiary code of /beneficiaires/CODE... replaced by '*'.
std::string loggablePath(const std::string& path);

} // namespace repere::sync::server
