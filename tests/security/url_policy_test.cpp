// Transport (issue 14, point 6), unit part: which server URLs `repere enrol` accepts. Plain
// http:// only to this machine; everything else needs https://, and the message says so.
#include "sync/client/url_policy.hpp"

#include <catch2/catch.hpp>

using repere::sync::enrolUrlProblem;

TEST_CASE("enrolment URL policy: https anywhere, http only to loopback", "[security][transport]") {
    for (const char* ok :
         {"https://sync.agence.example", "https://sync.agence.example:8443/",
          "http://127.0.0.1:8737", "http://127.1.2.3", "http://localhost:9000/", "http://LOCALHOST",
          "http://[::1]:8080", "HTTPS://SYNC.AGENCE.EXAMPLE"}) {
        INFO(ok);
        CHECK(enrolUrlProblem(ok).empty());
    }
    for (const char* refused :
         {"http://sync.agence.example", "http://192.0.2.10:8080", "HTTP://SYNC.AGENCE.EXAMPLE",
          "http://127.0.0.1.agence.example", "http://localhost.agence.example",
          "http://127.0.0.1@sync.agence.example", "http://sync.agence.example#@127.0.0.1",
          "http://sync.agence.example\\@127.0.0.1", "http://[::ffff:192.0.2.10]",
          "http://0x7f000001", "http://2130706433", "ftp://sync.agence.example",
          "sync.agence.example", "", "http://"}) {
        INFO(refused);
        const std::string problem = enrolUrlProblem(refused);
        CHECK_FALSE(problem.empty());
        CHECK_THAT(problem, Catch::Contains("https://"));
    }
    // The message for plain http names the host, in French then in English.
    const std::string m = enrolUrlProblem("http://sync.agence.example");
    CHECK_THAT(m, Catch::Contains("refusé"));
    CHECK_THAT(m, Catch::Contains("refused"));
    CHECK_THAT(m, Catch::Contains("sync.agence.example"));
}
