// Media checks of the reader: the "assets" list (ids, paths, file types, sha256, alt texts and
// transcripts) and every reference from the content to an asset (it must exist and be of the
// kind the place needs). The files themselves are checked in package_checks.cpp.
//
// Sections of this file: asset references; the asset list.
#include "quiz/media.hpp"
#include "quiz/reader/package_reader_impl.hpp"
#include "quiz/suggest.hpp"

#include <regex>

namespace repere::quiz::reader {

using nlohmann::json;

// Checks an asset reference; returns the id (even when wrong, so the model keeps it).
std::string PackageReader::assetRef(const json& v, const std::string& ptr, AssetKind kind) {
    auto id = asString(v, ptr, r_);
    if (!id) {
        return {};
    }
    extras_.usedAssets.push_back(*id);
    const Asset* a = q_.findAsset(*id);
    if (!a) {
        Names ids;
        for (const auto& asset : q_.assets) {
            ids.push_back(asset.id);
        }
        r_.error(ptr, "unknown asset " + inQuotes(*id) + " (declare it in \"assets\")" +
                          didYouMean(*id, ids));
    } else if (a->kind != kind && assetKindFromPath(a->path)) {
        r_.error(ptr, "asset " + inQuotes(*id) +
                          (a->kind == AssetKind::Audio ? " is a sound" : " is a picture") + ", " +
                          (kind == AssetKind::Audio ? "a sound" : "a picture") + " is needed here");
    }
    return *id;
}

std::string PackageReader::assetField(const Fields& f, std::string_view key, AssetKind kind,
                                      bool required) {
    const json* v = f.get(key);
    if (!v) {
        if (required) {
            f.missing(key);
        }
        return {};
    }
    return assetRef(*v, f.at(key), kind);
}

void PackageReader::readAssets(const json& arr, const std::string& ptr) {
    for (std::size_t i = 0; i < arr.size(); ++i) {
        Fields f(arr[i], pointerJoin(ptr, i), r_, "an asset");
        f.allowOnly({"id", "path", "sha256", "alt", "transcript"});
        Asset a;
        a.id = f.id("id", true).value_or("");
        a.path = f.string("path", true).value_or("");
        if (f.has("path")) {
            if (auto problem = mediaPathProblem(a.path); !problem.empty()) {
                r_.error(f.at("path"), problem);
            } else if (auto kind = assetKindFromPath(a.path)) {
                a.kind = *kind;
            } else {
                r_.error(f.at("path"),
                         "unsupported file type: pictures are .png or .jpg, sounds are "
                         ".ogg, .opus, .flac or .wav");
            }
        }
        if (auto hash = f.string("sha256")) {
            static const std::regex hexRe("[0-9a-f]{64}");
            if (!std::regex_match(*hash, hexRe)) {
                r_.error(f.at("sha256"), "expected 64 lowercase hexadecimal characters "
                                         "(run `repere quiz fix-hashes` to fill it in)");
            } else {
                a.sha256 = *hash;
            }
        } else if (f.isObject() && !f.has("sha256")) {
            r_.error(f.at("sha256"), "missing required field \"sha256\" (run `repere quiz "
                                     "fix-hashes PACKAGE` to fill it in)");
        }
        a.alt = text(f, "alt", false);
        a.transcript = f.string("transcript").value_or("");
        if (a.kind == AssetKind::Image && a.alt.empty() && f.has("path")) {
            r_.warning(f.at("alt"),
                       "a picture should say what it shows in \"alt\" (read aloud on request)");
        }
        if (a.kind == AssetKind::Audio && f.has("alt")) {
            r_.error(f.at("alt"), "\"alt\" is for pictures; sounds have a \"transcript\"");
        }
        if (a.kind == AssetKind::Image && f.has("transcript")) {
            r_.error(f.at("transcript"),
                     "\"transcript\" is for sounds; pictures have an \"alt\" text");
        }
        q_.assets.push_back(std::move(a));
    }
    checkUniqueIds(q_.assets, ptr, "asset");
}

} // namespace repere::quiz::reader
