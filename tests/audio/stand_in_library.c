/* A shared library that opens but has none of the functions of the library it stands in for:
 * the missing-library tests put it, under a sound library's name, first on LD_LIBRARY_PATH. */
int repere_stand_in_library(void) {
    return 0;
}
