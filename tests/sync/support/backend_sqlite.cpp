#include "support/backend.hpp"

namespace repere::test {

const char* backendName() {
    return "sqlite";
}
std::string freshDbSpec(const TempDir& dir) {
    return "sqlite:" + (dir / "server.db").string();
}

} // namespace repere::test
