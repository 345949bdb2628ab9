// A system library opened when it is first needed instead of being linked: every library the
// kiosk links is loaded, and its symbols bound, before main() on every start, so the libraries
// of the bilan PDF (cairo, pango) and of sound (libsndfile, PortAudio, espeak-ng) are opened
// with dlopen by the code that uses them (bench/kiosk/README.md, "Start-up").
// A library is opened for the life of the process: never closed, because PortAudio and glib
// keep threads and handlers of their own.
#pragma once

#include <dlfcn.h>
#include <string>

namespace repere::util {

class SharedLibrary {
public:
    // RTLD_LOCAL: its symbols do not join the program's own scope.
    explicit SharedLibrary(const char* soname)
        : soname_(soname), handle_(dlopen(soname, RTLD_NOW | RTLD_LOCAL)) {
        if (!handle_) {
            const char* why = dlerror();
            error_ = why ? why : soname_ + ": cannot be opened";
        }
    }

    // Sets `fn` to the library's `name`; false (and error() says which) when it has none.
    template <class Fn> bool bind(Fn*& fn, const char* name) {
        fn = nullptr;
        if (!handle_)
            return false;
        void* symbol = dlsym(handle_, name);
        if (!symbol) {
            if (error_.empty())
                error_ = soname_ + ": no symbol " + name;
            return false;
        }
        fn = reinterpret_cast<Fn*>(symbol);
        return true;
    }

    // Empty when the library opened and every symbol asked for was found.
    const std::string& error() const { return error_; }
    bool ok() const { return error_.empty(); }

private:
    std::string soname_;
    void* handle_;
    std::string error_;
};

} // namespace repere::util
