// A browser's side of the back office for tests over real HTTP: it keeps the log-in form's and
// the session's cookies, finds a form's CSRF token and logs in through the form as a browser does.
// The one helper of every back-office test (access, session rules, TLS cookies, scores, bilan).
#pragma once

#include <catch2/catch.hpp>
#include <httplib.h>
#include <regex>
#include <string>
#include <vector>

namespace repere::test {

struct WebClient {
    httplib::Client http;
    std::string session;                 // repere_session cookie ("" before a log-in)
    std::string login;                   // repere_login cookie (the log-in form's)
    std::vector<std::string> setCookies; // every Set-Cookie header received, in order

    // 127.0.0.1:port over plain HTTP.
    explicit WebClient(int port) : http("127.0.0.1", port) {}
    // "https://127.0.0.1:PORT" (then pin its CA on `http`), or any scheme://host:port.
    explicit WebClient(const std::string& schemeHostPort) : http(schemeHostPort) {}

    httplib::Headers headers() const {
        std::string cookie;
        for (const auto& [name, value] :
             {std::pair{"repere_session", session}, std::pair{"repere_login", login}})
            if (!value.empty())
                cookie += (cookie.empty() ? "" : "; ") + std::string(name) + "=" + value;
        return cookie.empty() ? httplib::Headers{} : httplib::Headers{{"Cookie", cookie}};
    }

    void keepCookies(const httplib::Result& res) {
        for (const auto& [k, v] : res->headers) {
            if (k != "Set-Cookie")
                continue;
            setCookies.push_back(v);
            const auto value = v.substr(v.find('=') + 1, v.find(';') - v.find('=') - 1);
            (v.rfind("repere_session=", 0) == 0 ? session : login) = value;
        }
    }

    httplib::Result get(const std::string& path) {
        auto res = http.Get(path, headers());
        REQUIRE(res);
        keepCookies(res);
        return res;
    }

    httplib::Result post(const std::string& path, const httplib::Params& form) {
        auto res = http.Post(path, headers(), form);
        REQUIRE(res);
        keepCookies(res);
        return res;
    }

    // The CSRF token of the first form on the page.
    static std::string csrf(const std::string& html) {
        std::smatch m;
        REQUIRE(std::regex_search(html, m, std::regex("name=\"csrf\" value=\"([0-9a-f]+)\"")));
        return m[1];
    }

    // Posts the log-in form with its token; the answer is 303 to / when the server accepts it.
    httplib::Result tryLogIn(const std::string& name, const std::string& password) {
        auto page = get("/login");
        return post("/login", {{"csrf", csrf(page->body)}, {"name", name}, {"password", password}});
    }

    // Logs in and requires the server to accept it.
    void logIn(const std::string& name, const std::string& password) {
        auto res = tryLogIn(name, password);
        REQUIRE(res->status == 303);
        REQUIRE(res->get_header_value("Location") == "/");
        REQUIRE(session.size() == 64);
    }
};

} // namespace repere::test
