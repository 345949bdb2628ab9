#include "quiz/loader.hpp"

#include "quiz/diagnostics.hpp"
#include "quiz/json_text.hpp"
#include "quiz/media.hpp"
#include "quiz/package_checks.hpp"
#include "quiz/package_reader.hpp"
#include "util/digest.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace repere::quiz {

namespace fs = std::filesystem;
using nlohmann::json;

std::size_t LoadResult::errorCount() const {
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                  [](const Diagnostic& d) { return !d.warning; }));
}

std::size_t LoadResult::warningCount() const {
    return diagnostics.size() - errorCount();
}

namespace {

// Media files: on disk, inside the package, of the declared kind, with the declared hash.
// Returns asset id -> actual sha256 for the content hash.
std::map<std::string, std::string> checkMedia(const Quiz& q, const fs::path& packageDir,
                                              Reporter& r) {
    std::map<std::string, std::string> hashes;
    for (std::size_t i = 0; i < q.assets.size(); ++i) {
        const Asset& a = q.assets[i];
        std::string ptr = pointerJoin("/assets", i);
        if (a.path.empty() || !mediaPathProblem(a.path).empty() || !assetKindFromPath(a.path)) {
            continue; // already reported by the reader
        }
        MediaCheck check = checkMediaFile(packageDir, a.path, a.kind);
        if (!check.problem.empty()) {
            r.error(pointerJoin(ptr, "path"), check.problem);
            continue;
        }
        auto actual = util::sha256File(check.resolved);
        if (!actual) {
            r.error(pointerJoin(ptr, "path"), "cannot read " + a.path);
            continue;
        }
        if (!a.sha256.empty() && *actual != a.sha256) {
            r.error(pointerJoin(ptr, "sha256"),
                    "sha256 does not match the file " + a.path + " (the file's is " + *actual +
                        "): was the file changed? Run `repere quiz fix-hashes`");
        }
        hashes[a.id] = *actual;
    }
    return hashes;
}

// sha256 over the document's token stream (see parseJsonText: layout-independent) and every
// asset's content hash: any change of text or media gives a new hash, re-indenting does not.
std::string contentHash(const std::string& documentDigest,
                        const std::map<std::string, std::string>& assetHashes) {
    util::Sha256 h;
    h.update(documentDigest);
    for (const auto& [id, hash] : assetHashes) { // std::map: sorted by id
        h.update("\n");
        h.update(id);
        h.update(" ");
        h.update(hash);
    }
    return h.hexDigest();
}

LoadResult loadFromText(std::string_view text, const fs::path& packageDir,
                        const std::string& fileName) {
    LoadResult result;
    result.file = fileName;
    Reporter report(fileName, result.diagnostics);
    std::string documentDigest;
    auto doc = parseJsonText(text, report, &documentDigest);
    if (!doc) {
        return result;
    }
    ReadExtras extras;
    Quiz quiz = readPackage(*doc, report, extras);
    checkPackage(quiz, extras, report);
    auto hashes = checkMedia(quiz, packageDir, report);
    std::string folder = packageDir.filename().string();
    // A version pulled from the catalogue lives in catalog/<id>/<version>-<hash12>/ (sync): there
    // the parent folder carries the id.
    const std::string parent = packageDir.parent_path().filename().string();
    if (!quiz.id.empty() && !folder.empty() && folder != quiz.id && parent != quiz.id &&
        folder != "." && folder != "..") {
        report.warning("/id", "the package id " + inQuotes(quiz.id) +
                                  " differs from its folder name " + inQuotes(folder));
    }
    if (report.errorCount() == 0) {
        quiz.contentHash = contentHash(documentDigest, hashes);
        std::error_code ec;
        fs::path absolute = fs::absolute(packageDir, ec);
        quiz.packageDir = (ec ? packageDir : absolute.lexically_normal()).string();
        result.quiz = std::move(quiz);
    }
    return result;
}

} // namespace

LoadResult loadPackageText(std::string_view text, const fs::path& packageDir,
                           const std::string& fileName) {
    try {
        return loadFromText(text, packageDir, fileName);
    } catch (const std::exception& e) {
        // Content problems are reported, not thrown; this is for the unforeseen (memory, file
        // system).
        LoadResult result;
        result.file = fileName;
        result.diagnostics.push_back(
            {fileName, "", std::string("could not load the package: ") + e.what(), false});
        return result;
    }
}

std::vector<std::string> LoadResult::errorLines() const {
    std::vector<std::string> lines;
    for (const auto& d : diagnostics) {
        if (!d.warning) {
            lines.push_back(d.format());
        }
    }
    if (!ok() && lines.empty()) {
        lines.push_back(file + ": package did not load");
    }
    return lines;
}

LoadResult loadPackage(const fs::path& path) {
    std::error_code ec;
    fs::path file = fs::is_directory(path, ec) ? path / "quiz.json" : path;
    std::string fileName = file.string();
    LoadResult failed;
    failed.file = fileName;
    auto fail = [&](std::string message) {
        failed.diagnostics.push_back({fileName, "", std::move(message), false});
        return failed;
    };
    try {
        if (!fs::exists(file, ec)) {
            return fail(fs::is_directory(path, ec) ? "no quiz.json in this folder"
                                                   : "file not found");
        }
        if (!fs::is_regular_file(file, ec)) {
            return fail("not a regular file");
        }
        auto size = fs::file_size(file, ec);
        if (ec) {
            return fail("cannot read the file: " + ec.message());
        }
        if (size > kMaxFileBytes) {
            return fail("the file is larger than 10 MB (" + std::to_string(size / (1024 * 1024)) +
                        " MB): split the quiz or move text into media");
        }
        std::ifstream in(file, std::ios::binary);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        if (!in && !in.eof()) {
            return fail("cannot read the file");
        }
        fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
        return loadPackageText(buffer.str(), dir, fileName);
    } catch (const std::exception& e) {
        return fail(std::string("could not load the package: ") + e.what());
    }
}

std::vector<LoadResult> loadPackages(const fs::path& path) {
    std::vector<LoadResult> results;
    std::error_code ec;
    if (!fs::is_directory(path, ec) || fs::exists(path / "quiz.json", ec)) {
        results.push_back(loadPackage(path));
        return results;
    }
    std::vector<fs::path> packages;
    try {
        for (const auto& entry : fs::directory_iterator(path, ec)) {
            std::error_code entryEc;
            if (entry.is_directory(entryEc) && fs::exists(entry.path() / "quiz.json", entryEc)) {
                packages.push_back(entry.path());
            }
        }
    } catch (const std::exception&) {
        // an unreadable folder is reported below as "no package"
    }
    std::sort(packages.begin(), packages.end());
    for (const auto& p : packages) {
        results.push_back(loadPackage(p));
    }
    if (results.empty()) {
        LoadResult none;
        none.file = path.string();
        none.diagnostics.push_back({path.string(), "",
                                    "no quiz package here (a package is a folder with a quiz.json)",
                                    false});
        results.push_back(std::move(none));
    }
    // Package ids are how kiosks and the server name quizzes: two packages cannot share one.
    std::map<std::string, std::string> seen;
    for (auto& r : results) {
        if (!r.quiz) {
            continue;
        }
        auto [it, fresh] = seen.emplace(r.quiz->id, r.file);
        if (!fresh) {
            r.diagnostics.push_back(
                {r.file, "/id",
                 "package id " + inQuotes(r.quiz->id) + " is already used by " + it->second,
                 false});
            r.quiz.reset();
        }
    }
    return results;
}

} // namespace repere::quiz
