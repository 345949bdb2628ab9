#include "text/edit_distance.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using text::normalizeAnswer;
using text::typedAnswerMatches;

namespace {
text::Tolerance strict() {
    text::Tolerance t;
    t.ignoreCase = false;
    t.ignoreAccents = false;
    t.ignorePunctuation = false;
    t.normalizeApostrophes = false;
    t.maxEditRatio = 0.0;
    return t;
}
} // namespace

TEST_CASE("UTF-8 decoding is strict and never loses text") {
    CHECK(text::decodeUtf8("é") == U"é");
    CHECK(text::decodeUtf8("œuf €") == U"œuf €");
    CHECK(text::decodeUtf8("a\xFFz") == U"a\uFFFDz");     // invalid byte
    CHECK(text::decodeUtf8("\xC3") == U"\uFFFD");         // truncated
    CHECK(text::decodeUtf8("\xC0\xAF") == U"\uFFFD");     // overlong '/'
    CHECK(text::decodeUtf8("\xED\xA0\x80") == U"\uFFFD"); // surrogate
    CHECK(text::encodeUtf8(U"Ça coûte 5 €") == "Ça coûte 5 €");
    CHECK(text::encodeUtf8(text::decodeUtf8("😀 ok")) == "😀 ok");
}

TEST_CASE("whitespace is trimmed and collapsed, no-break spaces included, always") {
    const auto t = strict();
    CHECK(normalizeAnswer("  la   pharmacie \t", t) == "la pharmacie");
    CHECK(normalizeAnswer("Bonjour\u00A0!", t) == "Bonjour !"); // no-break space before !
    CHECK(normalizeAnswer("Bonjour\u202F?", t) == "Bonjour ?"); // narrow no-break space
    CHECK(normalizeAnswer("ca\u200Bfe", t) == "cafe");          // zero-width space removed
    CHECK(normalizeAnswer("", t).empty());
}

TEST_CASE("case is ignored for ASCII, Latin-1 and Latin Extended-A letters") {
    auto t = strict();
    t.ignoreCase = true;
    CHECK(normalizeAnswer("PHARMACIE", t) == "pharmacie");
    CHECK(normalizeAnswer("ÉCOLE À CÔTÉ", t) == "école à côté");
    CHECK(normalizeAnswer("ŒUF", t) == "oeuf");
    CHECK(normalizeAnswer("ŸVES ÇA", t) == "ÿves ça");
    CHECK(normalizeAnswer("ŁÓDŹ", t) == "łódź");
    t.ignoreCase = false;
    CHECK(normalizeAnswer("PHARMACIE", t) == "PHARMACIE");
}

TEST_CASE("accents are ignored only when asked, including decomposed accents and ligatures") {
    auto t = strict();
    t.ignoreAccents = true;
    CHECK(normalizeAnswer("élève à l'hôpital, Noël, garçon", t) ==
          "eleve a l'hopital, Noel, garcon");
    CHECK(normalizeAnswer("e\u0301te\u0301", t) == "ete"); // decomposed é
    CHECK(normalizeAnswer("ÀÉÈÊËÎÏÔÙÛÜÇŸ", t) == "AEEEEIIOUUUCY");
    t.ignoreAccents = false;
    CHECK(normalizeAnswer("e\u0301te\u0301", t) == "été"); // composed so it equals the typed letter
    CHECK(typedAnswerMatches("e\u0301te\u0301", "été", t));
    CHECK_FALSE(typedAnswerMatches("ete", "été", t));
}

TEST_CASE("œ and æ always equal oe and ae: French keyboards have no œ key") {
    const auto t = strict();
    CHECK(typedAnswerMatches("oeuf", "œuf", t));
    CHECK(typedAnswerMatches("soeur", "sœur", t));
    CHECK(typedAnswerMatches("Oeuvre", "Œuvre", t));
    CHECK(typedAnswerMatches("ex aequo", "ex æquo", t));
}

TEST_CASE("typographic apostrophes equal the straight one when asked") {
    auto t = strict();
    t.normalizeApostrophes = true;
    CHECK(typedAnswerMatches("l’eau", "l'eau", t));
    CHECK(typedAnswerMatches("aujourd‘hui", "aujourd'hui", t));
    CHECK(typedAnswerMatches("l`eau", "l'eau", t));
    t.normalizeApostrophes = false;
    CHECK_FALSE(typedAnswerMatches("l’eau", "l'eau", t));
}

TEST_CASE("punctuation becomes a space when ignored") {
    auto t = strict();
    t.ignorePunctuation = true;
    CHECK(normalizeAnswer("« Bonjour ! »", t) == "Bonjour");
    CHECK(typedAnswerMatches("peut-être", "peut être", t));
    CHECK(typedAnswerMatches("pharmacie.", "pharmacie", t));
    CHECK(typedAnswerMatches("l'eau", "l’eau", t)); // both apostrophes are punctuation
    CHECK(typedAnswerMatches("Oui, merci…", "oui merci", [] {
        auto u = text::Tolerance{};
        u.ignoreCase = true;
        return u;
    }()));
    t.ignorePunctuation = false;
    CHECK_FALSE(typedAnswerMatches("pharmacie.", "pharmacie", t));
}

TEST_CASE("the default tolerance forgives case, punctuation and apostrophes, not accents") {
    const text::Tolerance t; // defaults from the model
    CHECK(typedAnswerMatches("  Pharmacie. ", "pharmacie", t));
    CHECK(typedAnswerMatches("L’EAU", "l'eau", t));
    CHECK_FALSE(typedAnswerMatches("pharmacié", "pharmacie", t));
    CHECK_FALSE(typedAnswerMatches("pharmacy", "pharmacie", t));
}

TEST_CASE("edit distance counts letters, not bytes") {
    CHECK(text::editDistanceUtf8("pharmacie", "pharmacie") == 0);
    CHECK(text::editDistanceUtf8("farmacie", "pharmacie") == 2);
    CHECK(text::editDistanceUtf8("été", "ete") == 2); // two substitutions, not four byte edits
    CHECK(text::editDistanceUtf8("", "abc") == 3);
    CHECK(text::editDistanceUtf8("abc", "") == 3);
    CHECK(text::editDistanceUtf8("kitten", "sitting") == 3);
    CHECK(text::editDistanceUtf8("œuf", "oeuf") == 2); // raw distance: no normalisation here
}

TEST_CASE("the edit ratio allows a share of mistakes relative to the accepted answer") {
    text::Tolerance t;
    t.maxEditRatio = 0.2;
    // "pharmacie": 9 letters -> floor(1.8) = 1 edit allowed
    CHECK(typedAnswerMatches("pharmacei", "pharmacie", t) == false); // transposition = 2 edits
    CHECK(typedAnswerMatches("pharmacia", "pharmacie", t));
    CHECK(typedAnswerMatches("farmacie", "pharmacie", t) == false);
    // 10 letters -> exactly 2 edits despite floating point (0.2 * 10)
    CHECK(typedAnswerMatches("boulangeri", "boulangerie", t)); // 11 letters, 1 edit
    CHECK(typedAnswerMatches("rendez vou", "rendez-vous", t)); // punctuation ignored, then 1 edit
    t.maxEditRatio = 0.0;
    CHECK_FALSE(typedAnswerMatches("pharmacia", "pharmacie", t));
    t.maxEditRatio = 0.5;
    CHECK_FALSE(typedAnswerMatches("x", "", t)); // an empty accepted answer only accepts empty
    CHECK(typedAnswerMatches("", "", t));
    CHECK(text::typedAnswerMatchesAny("Saint-Denis", {"Paris", "saint denis"}, t));
    CHECK_FALSE(text::typedAnswerMatchesAny("Bobigny", {"Paris", "saint denis"}, t));
}

TEST_CASE("accent mistakes under an edit ratio cost one edit each") {
    text::Tolerance t;
    t.maxEditRatio = 0.1; // "hôpital": 7 letters -> 0 edits
    CHECK_FALSE(typedAnswerMatches("hopital", "hôpital", t));
    t.maxEditRatio = 0.15; // 1 edit
    CHECK(typedAnswerMatches("hopital", "hôpital", t));
}
