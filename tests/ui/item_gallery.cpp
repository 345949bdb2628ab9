// repere-item-gallery OUT_DIR [QUIZ_PACKAGE_DIR [WxH,WxH...]]: renders every item type and every
// sim scenario in a real window (GLFW + OpenGL 3; run it under Xvfb) through the kiosk's item
// frame, playing taps and typing like a person, and saves PNGs for review. With a package folder,
// the sims take their settings (and the hotspot its picture) from that package's quiz.json, so
// what is judged is the real content. With a list of sizes, every scene is played at each size
// into OUT_DIR/<WxH>/ (the Xvfb screen must be larger than the largest size: a window as wide
// as the screen came out blank). A blank picture (one colour) fails its scene.
#include "platform/fonts.hpp"
#include "platform/screenshot.hpp"
#include "platform/texture_cache.hpp"
#include "platform/window.hpp"
#include "ui/canvas.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"

#include <GLFW/glfw3.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <imgui.h>
#include <memory>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace repere;
using nlohmann::json;

namespace {

struct Step {
    enum Kind { TapLabel, TapId, Type, Shot, Record, TapWhile } kind;
    std::string arg;
};

struct Scene {
    std::string name;
    quiz::Item item;
    std::vector<Step> steps;
    ImVec2 size{1280, 800};
};

quiz::Option opt(const std::string& id, const std::string& text) {
    quiz::Option o;
    o.id = id;
    o.text = text;
    return o;
}

quiz::Item base(const std::string& id, quiz::ItemType t, const std::string& instruction) {
    quiz::Item it;
    it.id = id;
    it.type = t;
    it.instruction.byLocale = {{"fr", instruction}};
    return it;
}

class Gallery {
public:
    Gallery(fs::path out, fs::path package) : out_(std::move(out)), package_(std::move(package)) {
        if (!package_.empty()) {
            std::ifstream in(package_ / "quiz.json");
            if (in)
                pkg_ = json::parse(in, nullptr, false);
        }
        quiz_.packageDir = package_.string();
        if (pkg_.is_object() && pkg_.contains("assets")) {
            for (const auto& a : pkg_["assets"]) {
                quiz::Asset asset;
                asset.id = a.value("id", "");
                asset.path = a.value("path", "");
                quiz_.assets.push_back(asset);
            }
        }
    }

    // The "sim" object of a package item, or `fallback`.
    json simOf(const std::string& itemId, json fallback) const {
        if (!pkg_.is_object())
            return fallback;
        for (const auto& s : pkg_["sections"])
            for (const auto& it : s["items"])
                if (it.value("id", "") == itemId && it.contains("sim"))
                    return it["sim"];
        return fallback;
    }
    std::string instructionOf(const std::string& itemId, const std::string& fallback) const {
        if (!pkg_.is_object())
            return fallback;
        for (const auto& s : pkg_["sections"])
            for (const auto& it : s["items"])
                if (it.value("id", "") == itemId && it.contains("instruction")) {
                    const auto& i = it["instruction"];
                    return i.is_string() ? i.get<std::string>() : i.value("fr", fallback);
                }
        return fallback;
    }

    int run(std::vector<Scene> scenes) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        // One window for every scene (resized per scene): opening and closing many X windows
        // in a row is slow and flaky under Xvfb.
        std::string error;
        platform::WindowOptions wo;
        wo.width = static_cast<int>(scenes.front().size.x);
        wo.height = static_cast<int>(scenes.front().size.y);
        window_ = platform::Window::create(wo, error);
        if (!window_) {
            std::fprintf(stderr, "item-gallery: no window: %s\n", error.c_str());
            ImGui::DestroyContext();
            return static_cast<int>(scenes.size());
        }
        int failures = 0;
        for (auto& scene : scenes)
            failures += play(scene) ? 0 : 1;
        window_.reset();
        ImGui::DestroyContext();
        return failures;
    }

private:
    bool play(Scene& scene) {
        std::string error;
        auto* window = window_.get();
        glfwSetWindowSize(window->handle(), static_cast<int>(scene.size.x),
                          static_cast<int>(scene.size.y));
        for (int i = 0; i < 50 && (window->framebufferWidth() != static_cast<int>(scene.size.x) ||
                                   window->framebufferHeight() != static_cast<int>(scene.size.y));
             ++i) {
            window->waitEvents(0.02);
        }
        ImGuiIO& io = ImGui::GetIO();
        const ImVec2 fb{static_cast<float>(window->framebufferWidth()),
                        static_cast<float>(window->framebufferHeight())};
        if (ui::textScaleFor(fb) != fontScale_) {
            platform::buildFonts(*io.Fonts, ui::textScaleFor(fb), fonts_, error);
            window->fontsChanged();
            fontScale_ = ui::textScaleFor(fb);
        }
        const platform::FontSet& fonts = fonts_;
        platform::TextureCache textures;
        ui::Recorder recorder;
        ui::items::ItemInteraction scratch;
        ui::ItemScreenView view;
        view.item.quiz = &quiz_;
        view.item.item = &scene.item;
        view.instruction = scene.item.instruction.get("fr");
        view.progress = 0.45f;
        std::string pendingTyping;
        bool shotFailed = false;
        ImVec2 mouse{-FLT_MAX, -FLT_MAX};
        bool down = false;

        auto frame = [&](const std::string& shot) {
            window->pollEvents();
            window->newFrame();
            io.MousePos = mouse;
            io.MouseDown[0] = down;
            ImGui::NewFrame();
            recorder.clear();
            const ui::Theme theme = ui::makeTheme(io.DisplaySize, fonts);
            ui::UiInput input;
            input.typed = pendingTyping;
            pendingTyping.clear();
            ui::UiContext ctx{theme, "fr", &recorder, &textures, input, 0};
            ui::beginCanvas(theme);
            ui::drawItemScreen(view, scratch, ctx);
            ui::endCanvas();
            ImGui::Render();
            window->render(ImGui::ColorConvertU32ToFloat4(ui::palette().background));
            if (!shot.empty()) {
                std::string serr;
                if (!platform::saveScreenshot(window->framebufferWidth(),
                                              window->framebufferHeight(), out_ / (shot + ".png"),
                                              serr)) {
                    std::fprintf(stderr, "item-gallery: %s\n", serr.c_str());
                    shotFailed = true;
                }
            }
            window->swap();
        };
        auto tapAt = [&](ImVec2 p) {
            mouse = p;
            frame("");
            down = true;
            frame("");
            down = false;
            frame("");
            mouse = {-FLT_MAX, -FLT_MAX};
            frame("");
        };
        frame("");
        frame("");
        for (const auto& step : scene.steps) {
            if (step.kind == Step::Shot) {
                frame("");
                frame(scene.name + (step.arg.empty() ? "" : "-" + step.arg));
                continue;
            }
            if (step.kind == Step::Type) {
                pendingTyping = step.arg;
                frame("");
                frame("");
                continue;
            }
            if (step.kind == Step::Record) { // the audio service's state, as the app mirrors it
                using S = ui::items::RecordingStatus::State;
                auto& r = view.item.recording;
                if (step.arg == "recording") {
                    r.state = S::Recording;
                    r.elapsedS = 7;
                    r.secondsLeft = 38;
                    r.level = 0.6f;
                }
                if (step.arg == "recorded") {
                    r.state = S::Recorded;
                    r.elapsedS = 14;
                    r.canListenBack = true;
                    r.canReRecord = true;
                }
                frame("");
                continue;
            }
            if (step.kind == Step::TapWhile) { // e.g. "Suivant" through the steps of a long form
                for (int i = 0; i < 10; ++i) {
                    frame("");
                    const auto* w = recorder.findByLabel(step.arg);
                    if (!w)
                        break;
                    tapAt(w->rect.center());
                }
                continue;
            }
            const auto* w = step.kind == Step::TapLabel ? recorder.findByLabel(step.arg)
                                                        : recorder.findById(step.arg);
            if (!w) {
                std::fprintf(stderr, "item-gallery: %s: nothing to tap labelled \"%s\"\n",
                             scene.name.c_str(), step.arg.c_str());
                return false;
            }
            tapAt(w->rect.center());
        }
        return !shotFailed;
    }

    fs::path out_, package_;
    std::unique_ptr<platform::Window> window_;
    platform::FontSet fonts_;
    float fontScale_ = -1.f;
    json pkg_;
    quiz::Quiz quiz_;
};

std::vector<Scene> scenes(const Gallery& g) {
    using T = quiz::ItemType;
    using K = Step::Kind;
    std::vector<Scene> s;

    auto choice = base("choice", T::Choice, "Où peut-on acheter des médicaments ?");
    choice.options = {opt("a", "À la pharmacie"), opt("b", "À la boulangerie"),
                      opt("c", "À la mairie")};
    s.push_back({"choice", choice, {{K::TapLabel, "À la pharmacie"}, {K::Shot, ""}}});

    auto hot = base("env-03", T::Hotspot,
                    g.instructionOf("env-03", "Touchez le bouton pour revenir à l'accueil."));
    hot.image = "img-ecran-accueil";
    s.push_back(
        {"hotspot", hot, {{K::Shot, "empty"}, {K::TapId, "hotspot:image"}, {K::Shot, "tapped"}}});

    auto match = base("match", T::Match, "Reliez chaque lieu à ce qu'on y fait.");
    match.options = {opt("l1", "La pharmacie"), opt("l2", "La gare"), opt("l3", "La mairie")};
    match.right = {opt("r1", "Prendre le train"), opt("r2", "Acheter des médicaments"),
                   opt("r3", "Faire une carte d'identité")};
    s.push_back({"match",
                 match,
                 {{K::TapLabel, "La pharmacie"},
                  {K::Shot, "picked"},
                  {K::TapLabel, "Acheter des médicaments"},
                  {K::TapLabel, "La gare"},
                  {K::TapLabel, "Prendre le train"},
                  {K::Shot, "paired"}}});

    auto order = base("order", T::Order, "Mettez dans l'ordre : envoyer un message.");
    order.options = {opt("a", "Ouvrir la messagerie"), opt("b", "Écrire le message"),
                     opt("c", "Toucher « Envoyer »")};
    order.correct = {"a", "b", "c"};
    s.push_back({"order", order, {{K::Shot, "start"}, {K::TapId, "order:c"}, {K::Shot, "lifted"}}});

    auto gaps = base("gaps", T::Gaps, "Complétez la phrase.");
    gaps.text = "Demain, je vais à la {{g1}} pour chercher mes médicaments. Le bus part à {{g2}}. "
                "Je m'appelle {{g3}}.";
    gaps.options = {opt("w8", "8 heures"), opt("w9", "midi")};
    gaps.gaps = {{"g1",
                  quiz::GapMode::Select,
                  {opt("pharmacie", "pharmacie"), opt("piscine", "piscine"), opt("poste", "poste")},
                  {"pharmacie"}},
                 {"g2", quiz::GapMode::Drag, {}, {"w8"}},
                 {"g3", quiz::GapMode::Typed, {}, {"Awa"}}};
    s.push_back({"gaps",
                 gaps,
                 {{K::Shot, "start"},
                  {K::TapId, "gap:g1"},
                  {K::Shot, "select"},
                  {K::TapLabel, "pharmacie"},
                  {K::TapLabel, "8 heures"},
                  {K::TapId, "gap:g2"},
                  {K::TapId, "gap:g3"},
                  {K::Type, "Awa"},
                  {K::Shot, "typed"}}});

    auto form = base("form", T::Form,
                     "Remplissez la fiche avec vos informations de l'exercice : Awa Diallo, née le "
                     "12/03/1988, 93200.");
    form.fields = {
        {"nom", "Nom", quiz::FieldKind::Text, {"Diallo"}, "", true},
        {"prenom", "Prénom", quiz::FieldKind::Text, {"Awa"}, "", true},
        {"naissance", "Date de naissance", quiz::FieldKind::Date, {"12/03/1988"}, "", true},
        {"cp", "Code postal", quiz::FieldKind::Postcode, {"93200"}, "", true}};
    s.push_back({"form",
                 form,
                 {{K::Type, "Diallo"},
                  {K::TapLabel, "Date de naissance *"},
                  {K::Type, "120319"},
                  {K::Shot, ""}}});

    auto mark = base("mark", T::Mark, "Touchez les mots qui disent quand est le rendez-vous.");
    mark.text = "Votre rendez-vous à l'agence est mardi 14 mai à 10 heures, au 2e étage.";
    s.push_back({"mark", mark, {{K::TapLabel, "mardi"}, {K::TapLabel, "14"}, {K::Shot, ""}}});

    auto write = base("write", T::Write,
                      "Écrivez un message à votre conseillère : vous êtes malade, vous ne pouvez "
                      "pas venir demain.");
    write.maxLength = 200;
    s.push_back({"write",
                 write,
                 {{K::Type, "Bonjour Madame, je suis malade. Je ne peux pas venir demain. "},
                  {K::Shot, ""}}});

    auto speak = base("speak", T::Speak, "Présentez-vous : votre nom, votre pays, votre travail.");
    speak.maxDurationS = 45;
    s.push_back({"speak",
                 speak,
                 {{K::Shot, "idle"},
                  {K::Record, "recording"},
                  {K::Shot, "recording"},
                  {K::Record, "recorded"},
                  {K::Shot, "recorded"}}});

    auto info =
        base("info", T::Info, "Maintenant, des questions sur le téléphone et l'ordinateur.");
    s.push_back({"info", info, {{K::Shot, ""}}});

    auto profile = base("profile", T::Profile, "Avez-vous un téléphone portable ?");
    profile.options = {opt("oui", ""), opt("non", "")};
    profile.options[0].label.byLocale = {{"fr", "Oui"}};
    profile.options[1].label.byLocale = {{"fr", "Non"}};
    s.push_back({"profile", profile, {{K::TapLabel, "Oui"}, {K::Shot, ""}}});

    auto mail =
        base("com-10", T::Sim, g.instructionOf("com-10", "Envoyez votre CV à votre conseillère."));
    mail.scenario = quiz::SimScenario::EmailAttachment;
    mail.simConfig = g.simOf("com-10", {{"to", "n.haddad@ali-exemple.fr"},
                                        {"files", {"CV_Traore.pdf", "photo_plage.jpg"}},
                                        {"attachment", "CV_Traore.pdf"},
                                        {"subject", "Mon CV"}});
    const std::string to = mail.simConfig.value("to", "");
    const auto files = mail.simConfig.value("files", std::vector<std::string>{});
    s.push_back({"sim-email",
                 mail,
                 {{K::Shot, "inbox"},
                  {K::TapLabel, "Nouveau message"},
                  {K::TapLabel, "À :"},
                  {K::Type, to},
                  {K::Shot, "compose"},
                  {K::TapLabel, "Joindre un fichier"},
                  {K::Shot, "picker"},
                  {K::TapLabel, mail.simConfig.value("attachment", files.empty() ? "" : files[0])},
                  {K::Shot, "attached"},
                  {K::TapLabel, "Envoyer"},
                  {K::Shot, "sent"}}});

    auto form2 = base("com-11", T::Sim, g.instructionOf("com-11", "Créez votre compte."));
    form2.scenario = quiz::SimScenario::OnlineForm;
    form2.simConfig = g.simOf("com-11", {{"site", "Mon Espace Démarches"},
                                         {"url", "mon-espace-demarches.exemple.fr"},
                                         {"fields", {{{"id", "nom"}, {"label", "Nom"}}}}});
    std::vector<Step> formSteps{{K::Shot, "home"},        {K::TapLabel, "Créer mon compte"},
                                {K::Type, "DIALLO"},      {K::Shot, "form"},
                                {K::TapWhile, "Suivant"}, {K::TapLabel, "Valider mon inscription"},
                                {K::Shot, "errors"}};
    s.push_back({"sim-online-form", form2, formSteps});

    auto sms = base("pro-05", T::Sim,
                    g.instructionOf("pro-05", "Vous recevez ce message. Que faites-vous ?"));
    sms.scenario = quiz::SimScenario::PhishingMessage;
    sms.simConfig = g.simOf("pro-05", {{"sender", "AMELI-INFO"},
                                       {"text", "Remboursement de 48,50 €. Cliquez :"},
                                       {"link", "http://ameli-rembourse.info"},
                                       {"time", "10:42"}});
    s.push_back({"sim-phishing",
                 sms,
                 {{K::Shot, "message"},
                  {K::TapLabel, "Signaler"},
                  {K::Shot, "confirm"},
                  {K::TapId, "sms:confirm"},
                  {K::Shot, "reported"}}});
    auto smsLink = sms;
    s.push_back({"sim-phishing-link", smsLink, {{K::TapId, "sms:link"}, {K::Shot, "opened"}}});

    auto web = base("inf-07", T::Sim, g.instructionOf("inf-07", "Allez sur le site de la mairie."));
    web.scenario = quiz::SimScenario::BrowserAddress;
    web.simConfig = g.simOf("inf-07", {{"homeTitle", "Cherchetout"},
                                       {"target", "www.mairie-exemple.fr"},
                                       {"targetTitle", "Mairie"}});
    std::string target = web.simConfig.value("target", "");
    if (target.rfind("www.", 0) == 0)
        target = target.substr(4);
    s.push_back({"sim-browser",
                 web,
                 {{K::Shot, "home"},
                  {K::TapLabel, "Barre d'adresse"},
                  {K::Type, target},
                  {K::Shot, "typing"},
                  {K::TapLabel, "Aller"},
                  {K::Shot, "reached"}}});
    auto webSearch =
        base("inf-10", T::Sim, g.instructionOf("inf-10", "Trouvez le site d'offres d'emploi."));
    webSearch.scenario = quiz::SimScenario::BrowserAddress;
    webSearch.simConfig = g.simOf("inf-10", web.simConfig);
    s.push_back({"sim-browser-search",
                 webSearch,
                 {{K::TapLabel, "Rechercher sur le web"},
                  {K::Type, "offres emploi"},
                  {K::TapLabel, "Rechercher"},
                  {K::Shot, "results"}}});

    // Portrait and the smallest supported screen, for the two busiest layouts.
    Scene portrait = s[5]; // form
    portrait.name = "form-portrait";
    portrait.size = {800, 1280};
    s.push_back(portrait);
    Scene small = s[11]; // sim-email
    small.name = "sim-email-1024x600";
    small.size = {1024, 600};
    s.push_back(small);
    return s;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: repere-item-gallery OUT_DIR [QUIZ_PACKAGE_DIR]\n");
        return 2;
    }
    const fs::path out = argv[1];
    fs::create_directories(out);
    Gallery g(out, argc > 2 ? fs::path(argv[2]) : fs::path());
    std::vector<Scene> all = scenes(g);
    if (argc > 3) {
        // Every scene at every size, each size in its own folder.
        std::vector<Scene> sized;
        std::string list = argv[3];
        std::size_t pos = 0;
        while (pos <= list.size()) {
            const auto comma = list.find(',', pos);
            const std::string one =
                list.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
            int w = 0, h = 0;
            if (std::sscanf(one.c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 240) {
                std::fprintf(stderr, "item-gallery: a size is WxH, e.g. 1024x600 (got \"%s\")\n",
                             one.c_str());
                return 2;
            }
            fs::create_directories(out / one);
            for (const auto& sc : all) {
                if (sc.name.find("-portrait") != std::string::npos ||
                    sc.name.find("-1024x600") != std::string::npos)
                    continue;
                Scene copy = sc;
                copy.name = one + "/" + sc.name;
                copy.size = {static_cast<float>(w), static_cast<float>(h)};
                sized.push_back(std::move(copy));
            }
            if (comma == std::string::npos)
                break;
            pos = comma + 1;
        }
        all = std::move(sized);
    }
    const int failures = g.run(std::move(all));
    std::fprintf(stderr, "item-gallery: %d scene(s) failed\n", failures);
    return failures == 0 ? 0 : 1;
}
