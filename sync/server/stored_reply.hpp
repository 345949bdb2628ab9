// How the server keeps a batch's first reply (batches.reply), so that the same batch id sent again
// gets the same answer. Not the wire format: the kiosk always receives toJson(BatchReply).
//
// A batch of 500 new records has 500 "stored" results. Written as the wire's objects the reply
// was ~35 KB per batch, built as a JSON tree and compressed by PostgreSQL on every batch (its
// claim took 0.20 ms of a batch's 4.4 ms, bench/sync/README.md). Kept here a stored result is its
// record id alone; every other result keeps the wire's object. The cursor is not in the text: it is
// the batches row's own column (schema 9), written by the same statement that moves the device's
// cursor. Replies written before (every result an object, the cursor in the text) read the same.
#pragma once

#include "sync/protocol/wire.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace repere::sync::server {

// The reply's batch id and results (reply.cursor is left out).
std::string storedReplyText(const BatchReply& reply);
// `cursor`: the row's cursor column; NULL (nullopt) for a reply stored before schema 9, whose
// text carries it.
Parsed<BatchReply> parseStoredReply(const std::string& text,
                                    std::optional<std::int64_t> cursor = std::nullopt);

} // namespace repere::sync::server
