// The clock records are stamped with (ids and digests: util/digest.hpp).
#pragma once

#include <cstdint>
#include <string>

namespace repere::store {

// Milliseconds since the Unix epoch (system clock).
std::int64_t systemNowMs();

} // namespace repere::store
