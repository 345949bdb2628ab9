/* LD_PRELOAD probe of bench/kiosk/run.sh: the same stopwatch for the kiosk and the stock ImGui
 * example. It wraps glfwSwapBuffers and, when the first frame has been handed to the display,
 * prints the milliseconds since first-frame-launch exec'd the program (REPERE_PROBE_T0_MS, on
 * CLOCK_MONOTONIC), so dynamic loading and everything before main() are counted for both.
 * With REPERE_PROBE_EXIT set, the program ends right there (_exit, nothing else runs).
 * It also wraps glfwInit and glfwCreateWindow and prints when each was entered and when the window
 * came back, so both programs' starts split the same way: loading and everything before the
 * first GLFW call, making the window and its OpenGL context, then the first frame. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct GLFWwindow GLFWwindow;
typedef struct GLFWmonitor GLFWmonitor;
typedef void (*SwapFn)(GLFWwindow*);
typedef int (*InitFn)(void);
typedef GLFWwindow* (*CreateFn)(int, int, const char*, GLFWmonitor*, GLFWwindow*);

static double monotonicMs(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void* next(const char* name) {
    void* sym = dlsym(RTLD_NEXT, name);
    if (!sym) {
        fprintf(stderr, "first-frame-probe: %s not found\n", name);
        _exit(3);
    }
    return sym;
}

static void mark(const char* what) {
    const char* t0 = getenv("REPERE_PROBE_T0_MS");
    if (t0)
        fprintf(stderr, "first-frame-probe: %s after %.1f ms\n", what, monotonicMs() - atof(t0));
}

int glfwInit(void) {
    static int seen = 0;
    InitFn real;
    void* sym = next("glfwInit");
    memcpy(&real, &sym, sizeof real);
    if (!seen) {
        seen = 1;
        mark("glfwInit entered");
    }
    return real();
}

GLFWwindow* glfwCreateWindow(int width, int height, const char* title, GLFWmonitor* monitor,
                             GLFWwindow* share) {
    static int seen = 0;
    CreateFn real;
    void* sym = next("glfwCreateWindow");
    memcpy(&real, &sym, sizeof real);
    GLFWwindow* w = real(width, height, title, monitor, share);
    if (!seen) {
        seen = 1;
        mark("window created");
    }
    return w;
}

void glfwSwapBuffers(GLFWwindow* window) {
    static SwapFn real = NULL;
    static int seen = 0;
    if (!real) {
        void* sym = dlsym(RTLD_NEXT, "glfwSwapBuffers");
        if (!sym) {
            fprintf(stderr, "first-frame-probe: glfwSwapBuffers not found\n");
            _exit(3);
        }
        memcpy(&real, &sym, sizeof real);
    }
    real(window);
    if (seen)
        return;
    seen = 1;
    const char* t0 = getenv("REPERE_PROBE_T0_MS");
    if (t0)
        fprintf(stderr, "first-frame-probe: first frame after %.1f ms\n", monotonicMs() - atof(t0));
    if (getenv("REPERE_PROBE_EXIT")) {
        fflush(stderr);
        _exit(0);
    }
}
