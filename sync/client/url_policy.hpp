// Which server URLs a kiosk may enrol with. The enrolment code and then the device token travel
// in the requests, so plain http:// is allowed only to this machine (the demo's local server,
// tests); anything else must be https://. Checked before any connection is attempted.
#pragma once

#include <string>

namespace repere::sync {

// True for "localhost", an IPv4 address 127.x.y.z in dotted form, and "::1" (bracketed or not).
// Names that merely start with these ("127.0.0.1.example", "localhost.example") are not.
bool isLoopbackHost(const std::string& host);

// "" when the URL may be used for enrolment, else the message to show (French, then English).
std::string enrolUrlProblem(const std::string& url);

} // namespace repere::sync
