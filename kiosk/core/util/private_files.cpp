#include "util/private_files.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace repere::util {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& p, int err) {
    throw std::runtime_error(what + " " + p.string() + ": " + std::strerror(err));
}

} // namespace

void ensurePrivateDir(const fs::path& dir, bool tighten) {
    // Created one level at a time with mkdir(0700): create_directories would apply the umask to
    // the default 0777 and leave a window where the folder is readable by others.
    fs::path built;
    for (const auto& part : dir) {
        built /= part;
        if (::mkdir(built.c_str(), 0700) == 0) {
            ::chmod(built.c_str(), 0700); // mkdir's mode is masked by the umask (077 stays 0700)
            continue;
        }
        if (errno != EEXIST) {
            fail("cannot create folder", built, errno);
        }
    }
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        throw std::runtime_error("not a folder: " + dir.string());
    }
    if (tighten && ::chmod(dir.c_str(), 0700) != 0) {
        fail("cannot restrict the permissions of", dir, errno);
    }
}

void ensurePrivateFile(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        fail("cannot create", file, errno);
    }
    const int rc = ::fchmod(fd, 0600);
    const int err = errno;
    ::close(fd);
    if (rc != 0) {
        fail("cannot restrict the permissions of", file, err);
    }
}

void tightenIfExists(const fs::path& file) {
    if (::chmod(file.c_str(), 0600) != 0 && errno != ENOENT) {
        fail("cannot restrict the permissions of", file, errno);
    }
}

void writePrivateFile(const fs::path& file, const std::string& bytes) {
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + file.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data()); // mkstemp creates 0600
    if (fd < 0) {
        fail("cannot write", file, errno);
    }
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(tmpl.c_str());
            fail("cannot write", file, err);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmpl.c_str());
        fail("cannot write", file, err);
    }
    if (::rename(tmpl.c_str(), file.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmpl.c_str());
        fail("cannot write", file, err);
    }
}

} // namespace repere::util
