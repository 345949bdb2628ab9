#include "store/ids.hpp"

#include <chrono>

namespace repere::store {

std::int64_t systemNowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace repere::store
