/* LD_PRELOAD probe of bench/kiosk/run.sh: the same stopwatch for the kiosk and the stock ImGui
 * example. It wraps glfwSwapBuffers and, when the first frame has been handed to the display,
 * prints the milliseconds since first-frame-launch exec'd the program (REPERE_PROBE_T0_MS, on
 * CLOCK_MONOTONIC), so dynamic loading and everything before main() are counted for both.
 * With REPERE_PROBE_EXIT set, the program ends right there (_exit, nothing else runs). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct GLFWwindow GLFWwindow;
typedef void (*SwapFn)(GLFWwindow*);

static double monotonicMs(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
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
