// Issue 14 point 8, kiosk side: a picture or sound that changed after its package was checked
// (or slipped past it) reaches the kiosk's decoders, which apply the package limits again from
// the header, never throw, and answer quickly with an error; the kiosk then shows the item's
// text fallback (the calm placeholder with the alt text, or the transcript read aloud). The
// texture cache keeps at most its budget of decoded pictures, least recently used out first.
#include "audio/decoder.hpp"
#include "platform/image_decode.hpp"
#include "platform/texture_lru.hpp"
#include "security/media_files.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <chrono>

namespace {

namespace fs = std::filesystem;

const fs::path kExempleMedia = fs::path(REPERE_SOURCE_DIR) / "quizzes/exemple/media";

template <typename F> long long elapsedMs(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 start)
        .count();
}

} // namespace

TEST_CASE("a 10-hour Ogg is refused from its header, without decoding it",
          "[security][media][audio]") {
    repere::test::TempDir dir;
    const fs::path file = dir.path() / "long.opus";
    mediafiles::writeBytes(file, mediafiles::tenHourOgg());
    repere::audio::DecodeResult r;
    const auto ms = elapsedMs([&] { r = repere::audio::decodeFile(file); });
    INFO(r.error);
    CHECK_FALSE(r.ok());
    CHECK(r.error.find("more than 300 s") != std::string::npos);
    CHECK(ms < 2000); // decoding it would take minutes and 6.9 GB
}

TEST_CASE("a WAV whose header claims 4 GB is refused, without reserving 4 GB",
          "[security][media][audio]") {
    repere::test::TempDir dir;
    const fs::path file = dir.path() / "huge.wav";
    mediafiles::writeBytes(file, mediafiles::wavClaiming4GB());
    repere::audio::DecodeResult r;
    const auto ms = elapsedMs([&] { r = repere::audio::decodeFile(file); });
    INFO(r.error);
    CHECK_FALSE(r.ok());
    CHECK(ms < 2000);
}

TEST_CASE("a sound just inside the limit still decodes", "[security][media][audio]") {
    const auto r = repere::audio::decodeFile(kExempleMedia / "gare.ogg");
    INFO(r.error);
    CHECK(r.ok());
}

TEST_CASE("a 60000x60000 picture is refused from its header, a cut one is an error value",
          "[security][media][image]") {
    repere::test::TempDir dir;
    const fs::path huge = dir.path() / "huge.png";
    const fs::path cut = dir.path() / "cut.png";
    mediafiles::writeBytes(huge, mediafiles::hugePng());
    mediafiles::writeBytes(cut, mediafiles::truncatedPng(kExempleMedia / "pharmacie.png"));

    repere::platform::DecodedImage img;
    const auto ms = elapsedMs([&] { img = repere::platform::decodeImageFile(huge.string()); });
    INFO(img.error);
    CHECK_FALSE(img.ok());
    CHECK(img.error.find("60000×60000 px") != std::string::npos);
    CHECK(ms < 1000);

    const auto broken = repere::platform::decodeImageFile(cut.string());
    INFO(broken.error);
    CHECK_FALSE(broken.ok());
    CHECK(broken.rgba == nullptr);

    const auto fine = repere::platform::decodeImageFile((kExempleMedia / "pharmacie.png").string());
    INFO(fine.error);
    REQUIRE(fine.ok());
    CHECK(fine.width > 0);
    CHECK(fine.rgba != nullptr);
}

TEST_CASE("the texture cache keeps its budget, least recently used out first, never a picture "
          "of the frame being drawn",
          "[security][media][image]") {
    repere::platform::TextureLru lru(100);
    lru.use("a", 40, 1);
    lru.use("b", 40, 2);
    lru.use("a", 40, 3); // a used again: b is now the oldest
    lru.use("c", 40, 3);
    CHECK(lru.evict(3) == std::vector<std::string>{"b"});
    CHECK(lru.bytes() == 80);
    // Everything on screen in this frame: over budget, but nothing the frame draws is freed.
    lru.use("d", 40, 4);
    lru.use("e", 40, 4);
    lru.use("a", 40, 4);
    lru.use("c", 40, 4);
    CHECK(lru.evict(4).empty());
    CHECK(lru.bytes() == 160);
    // Next frame shows only e: the others go, oldest first, down to the budget.
    lru.use("e", 40, 5);
    CHECK(lru.evict(5) == std::vector<std::string>{"d", "a"});
    CHECK(lru.bytes() == 80);
    CHECK(lru.contains("e"));
    CHECK(lru.contains("c"));
}
