#include "engine/response.hpp"

#include <array>
#include <utility>

namespace repere::engine {

namespace {
constexpr std::array<std::pair<ResponseStatus, const char*>, 7> kStatuses{{
    {ResponseStatus::Ok, "ok"},
    {ResponseStatus::Partial, "partial"},
    {ResponseStatus::Ko, "ko"},
    {ResponseStatus::DontKnow, "dontknow"},
    {ResponseStatus::PendingManual, "pending-manual"},
    {ResponseStatus::Unavailable, "unavailable"},
    {ResponseStatus::Unscored, "unscored"},
}};
} // namespace

const char* toString(ResponseStatus s) {
    for (const auto& [status, name] : kStatuses) {
        if (status == s) {
            return name;
        }
    }
    return "?";
}

std::optional<ResponseStatus> responseStatusFromString(const std::string& s) {
    for (const auto& [status, name] : kStatuses) {
        if (s == name) {
            return status;
        }
    }
    return std::nullopt;
}

} // namespace repere::engine
