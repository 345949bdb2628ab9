// A request that must come back 200 with a body we can parse, through the round's retries, with
// each reply body parsed once: the retry loop decides from the parsed result whether to send
// again, and the caller gets that same result (issue 14: the loop used to parse a body to
// decide, then the caller parsed it again to use it — twice the CPU on a 1 MiB batch reply).
#pragma once

#include "sync/client/http_transport.hpp"

#include <functional>
#include <optional>
#include <string>
#include <utility>

namespace repere::sync {

template <typename T> struct Checked {
    std::optional<T> value;
    std::string error;
    SyncErrorKind kind = SyncErrorKind::None; // why there is no value
    int status = 0;
};

// The result of one outcome: the parsed value, or why not (in words for the trainer and IT).
template <typename T, typename Parse> Checked<T> expect(const HttpOutcome& out, Parse parse) {
    Checked<T> c;
    if (!out.reply) {
        c.error = out.error;
        c.kind = out.errorKind;
        return c;
    }
    c.status = out.reply->status;
    if (out.reply->status != 200) {
        c.error = describeFailure(*out.reply);
        c.kind = kindOfReply(*out.reply);
        if (out.reply->status == 401)
            c.error += "; this kiosk must be enrolled again (repere enrol)";
        return c;
    }
    auto parsed = parse(out.reply->body);
    if (!parsed.ok()) {
        c.error = "unexpected reply from the server (" + parsed.error + ")";
        c.kind = SyncErrorKind::Server;
        if (out.reply->body.find('<') != std::string::npos) {
            const HttpReply page{200, out.reply->body, out.reply->contentType, {}};
            c.error = describeFailure(page);
            c.kind = kindOfReply(page);
        }
        return c;
    }
    c.value = std::move(*parsed.value);
    return c;
}

// Sends with retries: `retried(good)` sends, and sends again while `good` says the outcome is
// not usable and the retry policy allows (SyncClient::sendRetried).
using RetriedSend = std::function<HttpOutcome(const std::function<bool(const HttpOutcome&)>& good)>;

// Each outcome is checked (and its body parsed) exactly once; the last one's result is returned.
template <typename T, typename Parse>
Checked<T> expectRetried(const RetriedSend& retried, Parse parse) {
    Checked<T> last;
    const HttpOutcome final = retried([&](const HttpOutcome& out) {
        last = expect<T>(out, parse);
        return last.value.has_value();
    });
    // Cancelled during a wait: no reply at all, and that is what the caller is told.
    if (!last.value && !final.reply) {
        last = Checked<T>{};
        last.error = final.error;
        last.kind = final.errorKind;
    }
    return last;
}

} // namespace repere::sync
