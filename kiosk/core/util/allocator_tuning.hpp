// Process-wide malloc settings every Repère program applies first thing in main().
#pragma once

namespace repere::util {

// Quiz packages are read into a JSON document made of hundreds of thousands of small
// allocations. With glibc's "fastbins", freeing such a document repeatedly triggers
// malloc_consolidate() and costs more than parsing it (measured: 650 ms vs 220 ms for a
// 9 MB package, bench/quiz). Turning fastbins off (tcache still serves small sizes) removes
// that. No effect on other C libraries.
void tuneAllocator();

} // namespace repere::util
