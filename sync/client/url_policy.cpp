#include "sync/client/url_policy.hpp"

#include <algorithm>
#include <cctype>

namespace repere::sync {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool isDottedLoopback(const std::string& host) {
    int parts = 0;
    std::size_t i = 0;
    int first = -1;
    while (i <= host.size()) {
        std::size_t j = i;
        while (j < host.size() && std::isdigit(static_cast<unsigned char>(host[j])) != 0) {
            ++j;
        }
        if (j == i || j - i > 3) {
            return false;
        }
        const int value = std::stoi(host.substr(i, j - i));
        if (value > 255) {
            return false;
        }
        if (first < 0) {
            first = value;
        }
        ++parts;
        if (j == host.size()) {
            break;
        }
        if (host[j] != '.') {
            return false;
        }
        i = j + 1;
    }
    return parts == 4 && first == 127;
}

// The host of scheme://[userinfo@]host[:port][/...], lower-cased and without brackets; "" when
// there is none.
std::string hostOf(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) {
        return {};
    }
    std::string rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const auto at = rest.rfind('@'); at != std::string::npos) {
        rest = rest.substr(at + 1);
    }
    if (!rest.empty() && rest.front() == '[') {
        const auto close = rest.find(']');
        return close == std::string::npos ? std::string() : lower(rest.substr(1, close - 1));
    }
    return lower(rest.substr(0, rest.find(':')));
}

} // namespace

bool isLoopbackHost(const std::string& rawHost) {
    std::string host = lower(rawHost);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    return host == "localhost" || host == "::1" || isDottedLoopback(host);
}

std::string enrolUrlProblem(const std::string& url) {
    const std::string l = lower(url);
    const std::string host = hostOf(url);
    // No user info, backslashes or blanks: parsers disagree on where such a host ends.
    const bool odd = std::any_of(url.begin(), url.end(), [](unsigned char c) {
        return c == '@' || c == '\\' || std::isspace(c) != 0 || c < 0x20 || c >= 0x7f;
    });
    if (host.empty() || odd) {
        return "adresse du serveur invalide : « " + url +
               " » (attendu : https://nom-du-serveur) / invalid server URL: \"" + url +
               "\" (expected https://server-name)";
    }
    if (l.rfind("https://", 0) == 0) {
        return {};
    }
    if (l.rfind("http://", 0) == 0) {
        if (isLoopbackHost(host)) {
            return {};
        }
        return "refusé : http:// n'est pas chiffré ; le code d'inscription et le jeton de la "
               "borne passeraient en clair vers " +
               host +
               ". Utilisez https:// (http:// n'est permis que vers cette machine : 127.0.0.1, "
               "localhost, ::1). / refused: http:// is not encrypted; the enrolment code and the "
               "device token would travel in clear to " +
               host + ". Use https:// (http:// is allowed only to this machine).";
    }
    return "adresse du serveur refusée : « " + url +
           " » ; utilisez https:// / server URL refused: \"" + url + "\"; use https://";
}

} // namespace repere::sync
