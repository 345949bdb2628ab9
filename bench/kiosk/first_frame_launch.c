/* first-frame-launch PROBE.so PROGRAM [ARGS...]: notes the time, then execs PROGRAM with the
 * first-frame probe preloaded (first_frame_probe.c), so the probe can time the whole start. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: first-frame-launch PROBE.so PROGRAM [ARGS...]\n");
        return 2;
    }
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    char ms[64];
    snprintf(ms, sizeof ms, "%.3f", (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6);
    setenv("REPERE_PROBE_T0_MS", ms, 1);
    setenv("LD_PRELOAD", argv[1], 1);
    execvp(argv[2], argv + 2);
    perror(argv[2]);
    return 127;
}
