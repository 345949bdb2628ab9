#include "quiz/quiz_library.hpp"

#include "quiz/loader.hpp"

#include <algorithm>
#include <set>

namespace repere::quiz {
namespace {

std::vector<std::string> splitParts(const std::string& s) {
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == '.')
            out.emplace_back();
        else
            out.back() += c;
    }
    return out;
}

bool allDigits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

// One dot-separated part: numbers by value (leading zeros ignored), numbers before words, words
// in byte order.
int comparePart(const std::string& a, const std::string& b) {
    const bool na = allDigits(a), nb = allDigits(b);
    if (na && nb) {
        const auto strip = [](const std::string& s) {
            const auto p = s.find_first_not_of('0');
            return p == std::string::npos ? std::string("0") : s.substr(p);
        };
        const std::string x = strip(a), y = strip(b);
        if (x.size() != y.size())
            return x.size() < y.size() ? -1 : 1;
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (na != nb)
        return na ? -1 : 1;
    return a < b ? -1 : (a > b ? 1 : 0);
}

// Dot-separated parts; a missing part counts as "0" so 1.2 == 1.2.0.
int compareDotted(const std::string& a, const std::string& b) {
    const auto pa = splitParts(a), pb = splitParts(b);
    for (std::size_t i = 0; i < std::max(pa.size(), pb.size()); ++i) {
        const int c = comparePart(i < pa.size() ? pa[i] : "0", i < pb.size() ? pb[i] : "0");
        if (c != 0)
            return c;
    }
    return 0;
}

std::vector<std::string> problemsOf(const LoadResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics)
        out.push_back(d.format());
    return out;
}

// Loads one catalogue version into `p`; returns the first error ("" when it loaded).
std::string loadCatalogVersion(const CatalogPackage& row, LibraryPackage& p) {
    std::error_code ec;
    if (!std::filesystem::is_directory(row.folder, ec)) {
        p.problems.push_back(row.folder + ": the folder is missing" +
                             (ec ? " (" + ec.message() + ")" : std::string()));
        return p.problems.back();
    }
    try {
        auto r = loadPackage(row.folder);
        p.problems = problemsOf(r);
        if (!r.ok())
            return r.errorLines().front();
        if (r.quiz->id != row.id || r.quiz->version != row.version) {
            // The folder does not hold what the catalogue says: never run it under that name.
            p.problems.push_back(row.folder + ": holds " + r.quiz->id + " " + r.quiz->version +
                                 ", not " + row.id + " " + row.version);
            return p.problems.back();
        }
        p.title = r.quiz->title.get("fr");
        p.quiz = std::make_unique<const Quiz>(std::move(*r.quiz));
        return {};
    } catch (const std::exception& e) { // an unreadable folder (permissions, I/O error)
        p.problems.push_back(row.folder + ": " + e.what());
        return p.problems.back();
    }
}

} // namespace

int compareVersions(const std::string& a, const std::string& b) {
    const auto da = a.find('-'), db = b.find('-');
    const int main = compareDotted(a.substr(0, da), b.substr(0, db));
    if (main != 0)
        return main;
    const bool preA = da != std::string::npos, preB = db != std::string::npos;
    if (preA != preB)
        return preA ? -1 : 1; // 1.2.0-beta comes before 1.2.0
    if (!preA)
        return 0;
    return compareDotted(a.substr(da + 1), b.substr(db + 1));
}

QuizLibrary::QuizLibrary(Log log) : log_(std::move(log)) {}

void QuizLibrary::say(const std::string& line) const {
    if (log_)
        log_(line);
}

std::size_t QuizLibrary::addBundled(const std::filesystem::path& dir) {
    std::size_t loaded = 0;
    for (auto& r : loadPackages(dir)) {
        LibraryPackage p;
        p.origin = PackageOrigin::Bundled;
        p.folder = std::filesystem::path(r.file).parent_path().string();
        p.id = std::filesystem::path(r.file).parent_path().filename().string();
        p.problems = problemsOf(r);
        for (const auto& d : r.diagnostics)
            say(std::string(d.warning ? "warning " : "error ") + d.format());
        if (r.ok()) {
            p.id = r.quiz->id;
            p.version = r.quiz->version;
            p.title = r.quiz->title.get("fr");
            p.quiz = std::make_unique<const Quiz>(std::move(*r.quiz));
            ++loaded;
        }
        packages_.push_back(std::move(p));
    }
    ++generation_;
    return loaded;
}

const Quiz& QuizLibrary::addBundled(Quiz quiz) {
    LibraryPackage p;
    p.origin = PackageOrigin::Bundled;
    p.id = quiz.id;
    p.version = quiz.version;
    p.title = quiz.title.get("fr");
    p.folder = quiz.packageDir;
    p.quiz = std::make_unique<const Quiz>(std::move(quiz));
    packages_.push_back(std::move(p));
    ++generation_;
    return *packages_.back().quiz;
}

std::size_t QuizLibrary::addCatalog(const std::vector<CatalogPackage>& rows) {
    std::set<std::string> seen;
    for (const auto& p : packages_)
        if (p.origin == PackageOrigin::Catalog)
            seen.insert(p.folder);
    std::size_t loaded = 0;
    bool added = false;
    for (const auto& row : rows) {
        if (!seen.insert(row.folder).second)
            continue;
        added = true;
        LibraryPackage p;
        p.origin = PackageOrigin::Catalog;
        p.id = row.id;
        p.version = row.version;
        p.folder = row.folder;
        p.sha256 = row.sha256;
        p.installedAtMs = row.installedAtMs;
        const std::string what =
            "catalogue package " + row.id + " " + row.version + " (" + row.folder + ")";
        const std::string firstError = loadCatalogVersion(row, p);
        if (p.ok()) {
            ++loaded;
            say(what + " ready");
        } else {
            say(what +
                " cannot be used and is left out (the other versions still run): " + firstError);
        }
        packages_.push_back(std::move(p));
    }
    if (added)
        ++generation_;
    return loaded;
}

bool QuizLibrary::newer(const LibraryPackage& a, const LibraryPackage& b) const {
    const int c = compareVersions(a.version, b.version);
    if (c != 0)
        return c > 0;
    return a.installedAtMs >= b.installedAtMs; // equal: the later install (catalogue over bundled)
}

const Quiz* QuizLibrary::newest(const std::string& id) const {
    const LibraryPackage* best = nullptr;
    for (const auto& p : packages_) {
        if (!p.ok() || p.quiz->id != id)
            continue;
        if (!best || newer(p, *best))
            best = &p;
    }
    return best ? best->quiz.get() : nullptr;
}

std::vector<const Quiz*> QuizLibrary::newestPerId() const {
    std::vector<const Quiz*> out;
    std::set<std::string> done;
    for (const auto& p : packages_) {
        if (!p.ok() || !done.insert(p.quiz->id).second)
            continue;
        out.push_back(newest(p.quiz->id));
    }
    return out;
}

const Quiz* QuizLibrary::exact(const std::string& id, const std::string& version,
                               const std::string& contentHash) const {
    for (const auto& p : packages_) {
        if (!p.ok())
            continue;
        const Quiz& q = *p.quiz;
        if (q.id == id && q.version == version &&
            (contentHash.empty() || q.contentHash == contentHash))
            return &q;
    }
    return nullptr;
}

const Quiz* QuizLibrary::findFor(const std::string& id, const std::string& version,
                                 const std::string& contentHash) const {
    if (const auto* q = exact(id, version, contentHash))
        return q;
    const LibraryPackage* sameVersion = nullptr;
    for (const auto& p : packages_)
        if (p.ok() && p.quiz->id == id && p.quiz->version == version &&
            (!sameVersion || newer(p, *sameVersion)))
            sameVersion = &p;
    if (sameVersion)
        return sameVersion->quiz.get();
    if (contentHash.empty())
        return nullptr;
    for (const auto& p : packages_)
        if (p.ok() && p.quiz->id == id && p.quiz->contentHash == contentHash)
            return p.quiz.get();
    return nullptr;
}

std::size_t QuizLibrary::loadedCount() const {
    return static_cast<std::size_t>(
        std::count_if(packages_.begin(), packages_.end(), [](const auto& p) { return p.ok(); }));
}

} // namespace repere::quiz
