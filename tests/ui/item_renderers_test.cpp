// The item renderers of ui/items in the real item frame, in a headless ImGui context: taps go
// through io.MousePos/io.MouseDown, widgets are found by their recorded labels or ids, and the
// assertions are on the intents the screen returns (what the app would store).
#include "ui/screens/screens.hpp"
#include "ui_harness.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>

using namespace repere;
using nlohmann::json;
using repere::test::is;
using repere::test::UiHarness;

namespace {

quiz::Option opt(const std::string& id, const std::string& text) {
    quiz::Option o;
    o.id = id;
    o.text = text;
    return o;
}

struct Fixture {
    quiz::Quiz quiz;
    quiz::Item item;
    ui::ItemScreenView view;
    ui::items::ItemInteraction scratch;
    UiHarness h;

    explicit Fixture(quiz::Item it, ImVec2 size = {1920, 1080}) : item(std::move(it)), h(size) {
        quiz.id = "t";
        quiz.packageDir = "/nonexistent";
        view.item.quiz = &quiz;
        view.item.item = &item;
        view.instruction = "Consigne";
        view.progress = 0.5f;
    }
    ui::Intent frame() {
        return h.frame([&](ui::UiContext& c) { return ui::drawItemScreen(view, scratch, c); });
    }
    ui::Intent tap(const std::string& label) {
        return h.tap(label, [&](ui::UiContext& c) { return ui::drawItemScreen(view, scratch, c); });
    }
    ui::Intent tapId(const std::string& id) {
        return h.tapId(id, [&](ui::UiContext& c) { return ui::drawItemScreen(view, scratch, c); });
    }
    ui::Intent tapAt(ImVec2 p) {
        return h.tapAt(p, [&](ui::UiContext& c) { return ui::drawItemScreen(view, scratch, c); });
    }
    // A drag from one point to another over several frames (finger down, moves, up).
    ui::Intent drag(ImVec2 from, ImVec2 to) {
        auto draw = [&](ui::UiContext& c) {
            return ui::drawItemScreen(view, scratch, c);
        };
        h.finger(from, false);
        h.frame(draw);
        h.finger(from, true);
        h.frame(draw);
        for (int i = 1; i <= 6; ++i) {
            h.finger({from.x + (to.x - from.x) * i / 6.f, from.y + (to.y - from.y) * i / 6.f},
                     true);
            h.frame(draw);
        }
        h.finger(to, false);
        ui::Intent out = h.frame(draw);
        h.finger({-FLT_MAX, -FLT_MAX}, false);
        h.frame(draw);
        return out;
    }
    const ui::RecordedWidget& widget(const std::string& id) {
        frame();
        const auto* w = h.recorder.findById(id);
        if (!w)
            throw std::runtime_error("no widget " + id);
        return *w;
    }
    bool validateEnabled() {
        frame();
        const auto* w = h.recorder.findById("item:validate");
        return w && w->enabled;
    }
    json validate() {
        const auto i = tapId("item:validate");
        REQUIRE(is<ui::intent::Answer>(i));
        return std::get<ui::intent::Answer>(i).answer;
    }
};

} // namespace

TEST_CASE("choice: sixteen text options stay above the footer and Valider stays tappable") {
    for (const ImVec2 size : {ImVec2{1920, 1080}, ImVec2{1280, 800}, ImVec2{1024, 600}}) {
        INFO(size.x << "x" << size.y);
        quiz::Item it;
        it.id = "langues";
        it.type = quiz::ItemType::Profile;
        it.multiple = true;
        for (int i = 0; i < 16; ++i)
            it.options.push_back(opt("l" + std::to_string(i), "Langue " + std::to_string(i)));
        Fixture f(it, size);
        f.tap("Langue 3");
        f.frame();
        const auto* ok = f.h.recorder.findByLabel("Valider");
        REQUIRE(ok);
        for (int i = 0; i < 16; ++i) {
            const auto* tile = f.h.recorder.findById("option:l" + std::to_string(i));
            REQUIRE(tile);
            CHECK(tile->rect.max.y <= ok->rect.min.y); // no tile under the footer
        }
        const auto answer = f.tap("Valider");
        REQUIRE(is<ui::intent::Answer>(answer));
        CHECK(std::get<ui::intent::Answer>(answer).answer["selected"] == json::array({"l3"}));
    }
}

TEST_CASE("hotspot: a tall phone picture takes the whole height so its buttons stay big") {
    struct TallImages : platform::ImageSource {
        std::optional<platform::ImageRef> image(const std::string&) override {
            return platform::ImageRef{nullptr, 540, 960};
        }
    } tall;
    quiz::Item it;
    it.id = "h2";
    it.type = quiz::ItemType::Hotspot;
    it.image = "img-phone";
    for (ImVec2 size : {ImVec2{1920, 1080}, ImVec2{1280, 800}}) {
        Fixture f(it, size);
        quiz::Asset a;
        a.id = "img-phone";
        a.path = "phone.png";
        f.quiz.assets.push_back(a);
        f.h.images = &tall;
        const ui::Rect pic = f.widget("hotspot:image").rect;
        const float scale = f.h.theme().scale;
        // A phone's navigation bar is 1/12 of its height: at least 72 px at 1080p, scaled.
        CHECK(pic.h() / 12.f >= 72.f * scale);
        CHECK(pic.w() / pic.h() == Approx(540.0 / 960.0).margin(0.01));
        // The instruction and the three buttons stand on the left, large and clear of it.
        for (const char* id : {"item:dontknow", "item:pause", "item:validate"}) {
            const ui::Rect b = f.widget(id).rect;
            CHECK(b.max.x < pic.min.x);
            CHECK(b.h() >= 72.f * scale);
        }
        CHECK(f.widget("speaker").rect.min.x > pic.max.x);
        f.tapAt({pic.min.x + pic.w() * 0.5f, pic.min.y + pic.h() * 0.95f});
        const json ans = f.validate();
        CHECK(ans["y"].get<double>() == Approx(0.95).margin(0.01));
    }
}

TEST_CASE("hotspot: a tap on the picture answers its position as fractions") {
    quiz::Item it;
    it.id = "h1";
    it.type = quiz::ItemType::Hotspot;
    it.image = "img-missing"; // no image source: the placeholder still takes taps
    Fixture f(it);
    CHECK_FALSE(f.validateEnabled());
    const ui::Rect pic = f.widget("hotspot:image").rect;
    f.tapAt({pic.min.x + pic.w() * 0.25f, pic.min.y + pic.h() * 0.75f});
    CHECK(f.h.recorder.showsText("Pour changer"));
    const json a = f.validate();
    CHECK(a["x"].get<double>() == Approx(0.25).margin(0.01));
    CHECK(a["y"].get<double>() == Approx(0.75).margin(0.01));
}

TEST_CASE("match: tap-then-tap both ways and a drag make pairs - Valider sends them") {
    quiz::Item it;
    it.id = "m1";
    it.type = quiz::ItemType::Match;
    it.options = {opt("l1", "Médecin"), opt("l2", "Pharmacie"), opt("l3", "École")};
    it.right = {opt("r1", "Ordonnance"), opt("r2", "Médicaments"), opt("r3", "Cartable")};
    Fixture f(it);
    f.tap("Médecin");
    f.tap("Ordonnance");
    f.tap("Médicaments"); // right first...
    f.tap("Pharmacie");   // ...then left
    CHECK_FALSE(f.validateEnabled());
    const auto from = f.widget("left:l3").rect.center();
    const auto to = f.widget("right:r3").rect.center();
    f.drag(from, to);
    REQUIRE(f.validateEnabled());
    CHECK(f.validate() == json{{"pairs", {{"l1", "r1"}, {"l2", "r2"}, {"l3", "r3"}}}});
}

TEST_CASE("order: tap a card then another swaps them - a drag moves a card") {
    quiz::Item it;
    it.id = "o1";
    it.type = quiz::ItemType::Order;
    it.options = {opt("a", "Je me lève"), opt("b", "Je prends le bus"),
                  opt("c", "J'arrive au travail")};
    it.correct = {"a", "b", "c"};
    Fixture f(it);
    f.frame();
    const auto start = f.scratch.answer["order"].get<std::vector<std::string>>();
    REQUIRE(start.size() == 3);
    CHECK(start != it.correct);
    f.tapId("order:" + start[0]);
    CHECK(f.h.recorder.showsText("Touchez maintenant la place"));
    f.tapId("order:" + start[2]);
    const std::vector<std::string> swapped{start[2], start[1], start[0]};
    CHECK(f.scratch.answer["order"].get<std::vector<std::string>>() == swapped);
    // Drag the last card onto the first place.
    f.drag(f.widget("order:" + swapped[2]).rect.center(),
           f.widget("order:" + swapped[0]).rect.center());
    const std::vector<std::string> moved{swapped[2], swapped[0], swapped[1]};
    // The first order seen is stored with the answer, for the review and the exports.
    CHECK(f.validate() == json{{"order", moved}, {"shown", start}});
}

TEST_CASE("order: the first order comes from the attempt, not the moment the item is shown") {
    quiz::Item it;
    it.id = "o1";
    it.type = quiz::ItemType::Order;
    it.options = {opt("a", "Un"), opt("b", "Deux"), opt("c", "Trois"), opt("d", "Quatre")};
    it.correct = {"a", "b", "c", "d"};
    const auto firstOrder = [&](std::uint64_t attemptSeed, std::int64_t shownAtMs) {
        Fixture f(it);
        f.view.item.attemptSeed = attemptSeed;
        f.scratch.reset(it.id, shownAtMs);
        f.frame();
        return f.scratch.answer["shown"].get<std::vector<std::string>>();
    };
    // The same attempt shown again later (resumed after a pause): the same cards, same places.
    CHECK(firstOrder(11, 1000) == firstOrder(11, 987654321));
    // Other attempts: not all the same order.
    std::set<std::vector<std::string>> orders;
    for (std::uint64_t seed = 1; seed <= 8; ++seed)
        orders.insert(firstOrder(seed, 1000));
    CHECK(orders.size() > 1);
}

TEST_CASE("gaps: select, drag by tap-then-tap, typed with the keyboard") {
    quiz::Item it;
    it.id = "g1";
    it.type = quiz::ItemType::Gaps;
    it.text = "Je vais à la {{g1}}. Le bus part à {{g2}}. Je m'appelle {{g3}}.";
    it.options = {opt("w8", "8 heures"), opt("w9", "9 heures")};
    quiz::Gap g1{"g1",
                 quiz::GapMode::Select,
                 {opt("pharmacie", "pharmacie"), opt("gare", "gare")},
                 {"pharmacie"}};
    quiz::Gap g2{"g2", quiz::GapMode::Drag, {}, {"w8"}};
    quiz::Gap g3{"g3", quiz::GapMode::Typed, {}, {"Awa"}};
    it.gaps = {g1, g2, g3};
    Fixture f(it);
    f.frame();
    CHECK(f.h.recorder.showsText("Les mots :"));
    f.tapId("gap:g1");
    CHECK(f.h.recorder.showsText("Choisissez le mot :"));
    f.tap("pharmacie");
    f.tap("8 heures"); // word in hand
    f.tapId("gap:g2"); // placed
    f.tapId("gap:g3");
    f.tap("Majuscule");
    f.tapId("key:a"); // on-screen key, capital
    f.h.type("wa");   // physical/scripted typing
    f.frame();
    f.frame();
    CHECK(f.h.recorder.showsText("Awa"));
    CHECK(f.validate() == json{{"gaps", {{"g1", "pharmacie"}, {"g2", "w8"}, {"g3", "Awa"}}}});
}

TEST_CASE("form: fields by label, AZERTY for text, keypad with separators for dates") {
    quiz::Item it;
    it.id = "f1";
    it.type = quiz::ItemType::Form;
    it.fields = {
        {"nom", "Nom", quiz::FieldKind::Text, {"Diallo"}, "", true},
        {"naissance", "Date de naissance", quiz::FieldKind::Date, {"01/02/1990"}, "", true},
        {"tel", "Téléphone", quiz::FieldKind::Phone, {}, "", false}};
    Fixture f(it);
    CHECK_FALSE(f.validateEnabled());
    f.tap("Nom *");
    f.tap("Majuscule");
    f.tapId("key:d");
    f.h.type("iallo");
    f.tap("Date de naissance *");
    for (const char* k : {"0", "1", "0", "2", "1", "9", "9", "0"})
        f.tapId(std::string("pad:") + k);
    f.frame();
    CHECK(f.h.recorder.showsText("01/02/1990"));
    REQUIRE(f.validateEnabled());
    CHECK(f.validate() ==
          json{{"fields", {{"nom", "Diallo"}, {"naissance", "01/02/1990"}, {"tel", ""}}}});
}

TEST_CASE("mark: tapped words are marked, a second tap unmarks") {
    quiz::Item it;
    it.id = "k1";
    it.type = quiz::ItemType::Mark;
    it.text = "Le rendez-vous est mardi à 10 heures.";
    Fixture f(it);
    f.tap("mardi");
    f.tap("10");
    f.tap("Le");
    f.tap("Le");
    CHECK(f.validate() == json{{"marked", {3, 5}}});
}

TEST_CASE("write: text typed on the keyboard, erased by letter - a new item starts empty") {
    quiz::Item it;
    it.id = "w1";
    it.type = quiz::ItemType::Write;
    it.maxLength = 50;
    Fixture f(it);
    CHECK_FALSE(f.validateEnabled());
    f.h.type("Bonjour Madame");
    f.frame();
    f.tap("é");
    f.tap("Effacer");
    f.tap("Effacer");
    f.frame();
    CHECK(f.h.recorder.showsText("Bonjour Madam"));
    CHECK(f.h.recorder.showsText("Encore 37 lettres possibles"));
    CHECK(f.validate() == json{{"text", "Bonjour Madam"}});
    // The next beneficiary (or item) gets a clean page.
    f.scratch.reset("w1-next", 0);
    f.frame();
    CHECK_FALSE(f.h.recorder.showsText("Bonjour"));
}

TEST_CASE("speak: the buttons follow the recorder and ask the app to record, stop, listen") {
    quiz::Item it;
    it.id = "s1";
    it.type = quiz::ItemType::Speak;
    it.maxDurationS = 45;
    Fixture f(it);
    using S = ui::items::RecordingStatus::State;
    auto i = f.tap("Enregistrer");
    REQUIRE(is<ui::intent::Item>(i));
    const auto& start = std::get<ui::intent::Item>(i).action;
    REQUIRE(std::holds_alternative<ui::items::StartRecording>(start));
    CHECK(std::get<ui::items::StartRecording>(start).maxDurationS == 45);
    f.view.item.recording.state = S::Recording;
    f.view.item.recording.secondsLeft = 30;
    f.frame();
    CHECK(f.h.recorder.showsText("Encore 30 secondes"));
    CHECK_FALSE(f.validateEnabled());
    i = f.tap("Arrêter");
    REQUIRE(is<ui::intent::Item>(i));
    CHECK(std::holds_alternative<ui::items::StopRecording>(std::get<ui::intent::Item>(i).action));
    f.view.item.recording.state = S::Recorded;
    f.view.item.recording.elapsedS = 12.4;
    f.view.item.recording.canListenBack = true;
    f.view.item.recording.canReRecord = true;
    i = f.tap("Réécouter");
    REQUIRE(is<ui::intent::Item>(i));
    CHECK(std::holds_alternative<ui::items::ListenBack>(std::get<ui::intent::Item>(i).action));
    CHECK(f.validate() == json{{"recording", ""}, {"durationS", 12.4}});
    f.view.item.recording.unavailable = true;
    f.frame();
    CHECK(f.h.recorder.showsText("Le micro ne marche pas"));
    CHECK_FALSE(f.h.recorder.findByLabel("Enregistrer"));
}

TEST_CASE("speak: a situation only heard is above the recorder, a picture beside it") {
    quiz::Item it;
    it.id = "s2";
    it.type = quiz::ItemType::Speak;
    it.stimulus.audio = "snd";
    it.stimulus.maxPlays = 3;
    Fixture heard(it);
    heard.frame();
    const auto* play = heard.h.recorder.findById("stimulus:play");
    const auto* record = heard.h.recorder.findByLabel("Enregistrer");
    REQUIRE(play);
    REQUIRE(record);
    // The recorder in the middle of the screen, under the play bar (beside it, it sat in the
    // right half with the left half empty).
    CHECK(std::abs(record->rect.center().x - 960.f) < 40.f);
    CHECK(record->rect.min.y > play->rect.max.y);

    it.stimulus.image = "picture";
    Fixture seen(it);
    seen.frame();
    const auto* recordBeside = seen.h.recorder.findByLabel("Enregistrer");
    REQUIRE(recordBeside);
    CHECK(recordBeside->rect.min.x > 960.f * 0.9f); // the picture takes the left part
}

TEST_CASE("renderers lay out without ImGui errors in portrait and at 1024x600") {
    quiz::Item it;
    it.id = "g2";
    it.type = quiz::ItemType::Gaps;
    it.text = "Bonjour {{a}}, je suis {{b}}.";
    it.gaps = {{"a", quiz::GapMode::Typed, {}, {"Madame"}},
               {"b", quiz::GapMode::Select, {opt("x", "malade"), opt("y", "en retard")}, {"y"}}};
    for (ImVec2 size : {ImVec2{1080, 1920}, ImVec2{1024, 600}}) {
        Fixture f(it, size);
        f.tapId("gap:a");
        f.h.type("Madame");
        f.tapId("gap:b");
        f.tap("en retard");
        CHECK(f.validate() == json{{"gaps", {{"a", "Madame"}, {"b", "y"}}}});
    }
}

// The bundled French diagnostic copies words from a sign, writes down a heard word, spells the
// word of a picture and fills a form from a card: without the stimulus these items cannot be done.
TEST_CASE("gaps order and form show their stimulus: the text to copy and the sound to hear") {
    quiz::Item gaps;
    gaps.id = "g-stim";
    gaps.type = quiz::ItemType::Gaps;
    gaps.text = "{{g1}}";
    gaps.gaps = {quiz::Gap{"g1", quiz::GapMode::Typed, {}, {"lait"}}};
    gaps.stimulus.audio = "snd-lait";
    gaps.stimulus.maxPlays = 3;
    quiz::Item order;
    order.id = "o-stim";
    order.type = quiz::ItemType::Order;
    order.options = {opt("p", "P"), opt("a", "A"), opt("i", "I"), opt("n", "N")};
    order.correct = {"p", "a", "i", "n"};
    order.stimulus.text = "Le mot à écrire";
    quiz::Item form;
    form.id = "f-stim";
    form.type = quiz::ItemType::Form;
    form.fields = {{"nom", "Nom", quiz::FieldKind::Text, {"Diallo"}, "", true}};
    form.stimulus.text = "Carte : DIALLO Aïcha";

    Fixture g(gaps);
    const auto play = g.tapId("stimulus:play");
    REQUIRE(is<ui::intent::Item>(play));
    const auto& action = std::get<ui::intent::Item>(play).action;
    REQUIRE(std::holds_alternative<ui::items::PlayAudio>(action));
    CHECK(std::get<ui::items::PlayAudio>(action).assetId == "snd-lait");
    CHECK(g.h.recorder.findById("gap:g1") != nullptr);

    Fixture o(order);
    o.frame();
    CHECK(o.h.recorder.showsText("Le mot à écrire"));
    CHECK(o.h.recorder.findById("order:p") != nullptr);

    Fixture f(form);
    f.frame();
    CHECK(f.h.recorder.showsText("Carte : DIALLO Aïcha"));
    f.tap("Nom *");
    f.tap("Majuscule");
    f.tapId("key:d");
    f.h.type("iallo");
    CHECK(f.validate() == json{{"fields", {{"nom", "Diallo"}}}});
}
