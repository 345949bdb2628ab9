// Interaction models of the item renderers: what each tap does and the answer JSON it produces
// (the shapes the engine scores, see helpers' format sketch / quizzes/FORMAT.md).
#include "ui/items/choice_model.hpp"
#include "ui/items/form_model.hpp"
#include "ui/items/gaps_model.hpp"
#include "ui/items/hotspot_model.hpp"
#include "ui/items/mark_model.hpp"
#include "ui/items/match_model.hpp"
#include "ui/items/order_model.hpp"
#include "ui/items/speak_model.hpp"
#include "ui/items/text_buffer.hpp"
#include "ui/items/write_model.hpp"

#include <catch2/catch.hpp>

using namespace repere::ui::items;
using nlohmann::json;
namespace quiz = repere::quiz;

namespace {
quiz::Option opt(const std::string& id, const std::string& text = {}) {
    quiz::Option o;
    o.id = id;
    o.text = text.empty() ? id : text;
    return o;
}
} // namespace

TEST_CASE("text buffer counts and erases whole characters, not bytes") {
    TextBuffer b(5);
    CHECK(b.insert("é"));
    CHECK(b.insert("cole"));
    CHECK(b.length() == 5);
    CHECK(b.text().size() == 6);
    CHECK_FALSE(b.insert("s")); // over the limit: refused, nothing lost
    CHECK(b.text() == "école");
    CHECK(b.backspace());
    CHECK(b.backspace());
    CHECK(b.backspace());
    CHECK(b.backspace());
    CHECK(b.text() == "é");
    CHECK(b.backspace());
    CHECK(b.empty());
    CHECK_FALSE(b.backspace());
    CHECK(repere::text::codepointCount("œuf ’") == 5);
    TextBuffer spaces;
    spaces.insert("   ");
    CHECK_FALSE(spaces.hasContent());
}

TEST_CASE("single choice: a tap replaces the selection - multiple choice toggles") {
    quiz::Item item;
    item.options = {opt("a"), opt("b"), opt("c")};
    ChoiceModel single(item);
    CHECK_FALSE(single.canSubmit());
    single.tap("b");
    single.tap("c");
    CHECK(single.answer() == json{{"selected", {"c"}}});
    single.tap("zz"); // unknown id
    CHECK(single.answer() == json{{"selected", {"c"}}});

    item.multiple = true;
    ChoiceModel multi(item);
    multi.tap("c");
    multi.tap("a");
    multi.tap("b");
    multi.tap("b");
    CHECK(multi.isSelected("a"));
    CHECK_FALSE(multi.isSelected("b"));
    CHECK(multi.answer() == json{{"selected", {"a", "c"}}}); // shown order, not tap order
    multi.tap("a");
    multi.tap("c");
    CHECK_FALSE(multi.canSubmit());
}

TEST_CASE("hotspot keeps the last tap inside the image as fractions") {
    HotspotModel h;
    CHECK_FALSE(h.canSubmit());
    CHECK_FALSE(h.tap(1.2, 0.5));
    CHECK_FALSE(h.canSubmit());
    CHECK(h.tap(0.1, 0.2));
    CHECK(h.tap(0.423456, 0.31));
    CHECK(h.answer() == json{{"x", 0.4235}, {"y", 0.31}});
}

TEST_CASE("match pairs by tap-then-tap in either order and moves a reused right card") {
    MatchModel m({"l1", "l2"}, {"r1", "r2", "r3"});
    m.tapLeft("l1");
    CHECK(m.pendingLeft() == std::optional<std::string>("l1"));
    m.tapLeft("l1"); // cancel
    CHECK_FALSE(m.pendingLeft());
    m.tapLeft("l1");
    m.tapRight("r2");
    CHECK(m.rightFor("l1") == std::optional<std::string>("r2"));
    CHECK_FALSE(m.pendingLeft());
    CHECK_FALSE(m.canSubmit());
    m.tapRight("r2"); // right first, then left: the same right card goes to l2
    m.tapLeft("l2");
    CHECK_FALSE(m.rightFor("l1"));
    CHECK(m.leftFor("r2") == std::optional<std::string>("l2"));
    CHECK(m.pairNumberOfRight("r2") == 2);
    m.pair("l1", "r3");
    CHECK(m.canSubmit());
    CHECK(m.answer() == json{{"pairs", {{"l1", "r3"}, {"l2", "r2"}}}});
    m.unpair("l1");
    CHECK_FALSE(m.canSubmit());
    CHECK(m.pairNumberOfLeft("l1") == 0);
}

TEST_CASE("order shuffles reproducibly, never starts right, and swaps by two taps") {
    quiz::Item item;
    item.options = {opt("a"), opt("b"), opt("c"), opt("d")};
    item.correct = {"a", "b", "c", "d"};
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        OrderModel o(item, seed);
        CHECK(o.order() != item.correct);
        CHECK(o.order() == OrderModel(item, seed).order());
    }
    OrderModel o(std::vector<std::string>{"c", "a", "b"});
    o.tap(0);
    CHECK(o.selected() == std::optional<std::size_t>(0));
    o.tap(1);
    CHECK_FALSE(o.selected());
    CHECK(o.answer()["order"] == json{"a", "c", "b"});
    o.tap(2);
    o.tap(2); // same card: cancel, nothing moves
    CHECK(o.answer()["order"] == json{"a", "c", "b"});
    o.move(2, 0); // a drag: b to the top
    CHECK(o.answer() == json{{"order", {"b", "a", "c"}}, {"shown", {"c", "a", "b"}}});
    o.tap(9);
    CHECK_FALSE(o.selected());
}

TEST_CASE("gap text splits at its markers") {
    auto s = splitGapText("Je vais à la {{g1}} avec {{g2}}.");
    REQUIRE(s.size() == 5);
    CHECK(s[0].text == "Je vais à la ");
    CHECK(s[1].gapId == "g1");
    CHECK(s[3].gapId == "g2");
    CHECK(s[4].text == ".");
    CHECK(splitGapText("{{x}}").size() == 1);
    CHECK(splitGapText("pas de trou {{").back().text == "pas de trou {{");
}

TEST_CASE("gaps: select, drag by tap-then-tap both ways, typed on the keyboard") {
    quiz::Item item;
    item.text = "Je vais à la {{g1}}. Le bus part à {{g2}} et arrive à {{g3}}. Mon nom : {{g4}}";
    item.options = {opt("w8", "8 heures"), opt("w9", "9 heures")};
    quiz::Gap g1{
        "g1", quiz::GapMode::Select, {opt("pharmacie"), opt("boulangerie")}, {"pharmacie"}};
    quiz::Gap g2{"g2", quiz::GapMode::Drag, {}, {"w8"}};
    quiz::Gap g3{"g3", quiz::GapMode::Drag, {}, {"w9"}};
    quiz::Gap g4{"g4", quiz::GapMode::Typed, {}, {"Diallo"}};
    item.gaps = {g1, g2, g3, g4};
    GapsModel m(item);
    CHECK(m.hasDragGaps());

    m.tapGap("g1");
    CHECK(m.activeGap() == std::optional<std::string>("g1"));
    m.tapWord("w8"); // not a choice of g1: ignored... and not placed anywhere
    CHECK(m.value("g1").empty());
    m.tapWord("pharmacie");
    CHECK(m.value("g1") == "pharmacie");
    CHECK_FALSE(m.activeGap());

    m.tapWord("w8"); // word first
    CHECK(m.pendingWord() == std::optional<std::string>("w8"));
    m.tapGap("g2");
    CHECK(m.value("g2") == "w8");
    CHECK(m.bankWordsLeft() == std::vector<std::string>{"w9"});
    m.tapGap("g3");  // gap first
    m.tapWord("w8"); // the same word moves to g3
    CHECK(m.value("g3") == "w8");
    CHECK(m.value("g2").empty());
    m.tapGap("g3"); // filled, nothing in hand: back to the bank
    CHECK(m.value("g3").empty());
    CHECK(m.bankWordsLeft().size() == 2);
    m.tapWord("w9");
    m.tapGap("g3");
    m.dropWord("w8", "g1"); // a select hole takes no bank word
    CHECK(m.value("g1") == "pharmacie");
    m.dropWord("w8", "g2"); // dragged onto its hole
    CHECK(m.value("g2") == "w8");
    CHECK_FALSE(m.canSubmit());

    CHECK_FALSE(m.type("x")); // no typed gap focused
    m.tapGap("g4");
    CHECK(m.type("Dial"));
    CHECK(m.type("lo"));
    CHECK(m.type("s"));
    CHECK(m.backspace());
    CHECK(m.canSubmit());
    CHECK(m.answer() ==
          json{{"gaps", {{"g1", "pharmacie"}, {"g2", "w8"}, {"g3", "w9"}, {"g4", "Diallo"}}}});
}

TEST_CASE("form: focus, keyboards per kind, required fields gate Valider") {
    quiz::FormField nom{"nom", "Nom", quiz::FieldKind::Text, {"Diallo"}, "", true};
    quiz::FormField cp{"cp", "Code postal", quiz::FieldKind::Postcode, {"93200"}, "", true};
    quiz::FormField tel{"tel", "Téléphone", quiz::FieldKind::Phone, {}, "", false};
    FormModel f({nom, cp, tel});
    CHECK(f.focused() == std::optional<std::string>("nom"));
    CHECK(f.keyboard() == KeyboardKind::Azerty);
    f.type("Diallo");
    f.focusNext();
    CHECK(f.focused() == std::optional<std::string>("cp"));
    CHECK(f.keyboard() == KeyboardKind::Numeric);
    CHECK(f.missingRequired() == std::vector<std::string>{"cp"});
    CHECK_FALSE(f.canSubmit());
    for (const char* key : {"9", "3", "2", "0", "0"}) { // the keypad types one key at a time
        CHECK(f.type(key));
    }
    CHECK_FALSE(f.type("1")); // 5 digits max: the sixth is refused
    CHECK(f.value("cp") == "93200");
    f.focusNext();
    f.focusNext(); // stays on the last field
    CHECK(f.focused() == std::optional<std::string>("tel"));
    CHECK(f.canSubmit());
    f.focus("unknown");
    CHECK(f.focused() == std::optional<std::string>("tel"));
    CHECK(f.answer() == json{{"fields", {{"nom", "Diallo"}, {"cp", "93200"}, {"tel", ""}}}});
}

TEST_CASE("numeric fields get their separators put in while typing") {
    using K = quiz::FieldKind;
    CHECK(formatDigits(K::Date, "0102") == "01/02");
    CHECK(formatDigits(K::Date, "01021990") == "01/02/1990");
    CHECK(formatDigits(K::Phone, "06123") == "06 12 3");
    CHECK(formatDigits(K::Postcode, "93200") == "93200");
    CHECK(digitsOf("06 12-34") == "061234");
    CHECK(formatDigits(K::Phone, digitsOf("0612345678")).size() == maxCharsFor(K::Phone));
    CHECK(formatDigits(K::Date, std::string(maxDigitsFor(K::Date), '1')).size() ==
          maxCharsFor(K::Date));
}

TEST_CASE("mark toggles word indices and answers them ascending") {
    quiz::Item item;
    item.text = "Le  rendez-vous est   mardi à 10 heures.";
    MarkModel m(item);
    REQUIRE(m.words().size() == 7);
    CHECK(m.words()[1] == "rendez-vous");
    m.toggle(5);
    m.toggle(3);
    m.toggle(1);
    m.toggle(1);
    m.toggle(42);
    CHECK(m.answer() == json{{"marked", {3, 5}}});
}

TEST_CASE("write keeps the text as typed, within maxLength") {
    quiz::Item item;
    item.maxLength = 10;
    WriteModel w(item);
    CHECK_FALSE(w.canSubmit());
    w.type("  ");
    CHECK_FALSE(w.canSubmit());
    w.backspace();
    w.backspace();
    w.type("Bonjour ");
    w.type("Madame");
    CHECK(w.answer() == json{{"text", "Bonjour "}});
    CHECK(w.canSubmit());
}

TEST_CASE("speak shows the buttons the recording state allows") {
    using S = RecordingStatus::State;
    RecordingStatus s;
    CHECK(speakActions(s) == std::vector<SpeakAction>{SpeakAction::Record});
    CHECK_FALSE(speakReady(s));
    s.state = S::Countdown;
    CHECK(speakActions(s) == std::vector<SpeakAction>{SpeakAction::Stop});
    s.state = S::Recording;
    s.elapsedS = 4.0;
    CHECK(speakActions(s) == std::vector<SpeakAction>{SpeakAction::Stop});
    CHECK_FALSE(speakReady(s));
    s.state = S::Recorded;
    s.canListenBack = true;
    s.canReRecord = true;
    CHECK(speakActions(s) ==
          std::vector<SpeakAction>{SpeakAction::ListenBack, SpeakAction::ReRecord});
    CHECK(speakReady(s));
    CHECK(speakProvisionalAnswer(s) == json{{"recording", ""}, {"durationS", 4.0}});
    s.canReRecord = false; // the one re-record was used
    CHECK(speakActions(s) == std::vector<SpeakAction>{SpeakAction::ListenBack});
    s.elapsedS = 0.3; // a slip of the finger
    CHECK_FALSE(speakReady(s));
    s.unavailable = true;
    CHECK(speakActions(s).empty());
    CHECK(speakProvisionalAnswer(s) == json::object());
    s = RecordingStatus{};
    s.state = S::Failed;
    CHECK(speakActions(s) == std::vector<SpeakAction>{SpeakAction::Record});
}
