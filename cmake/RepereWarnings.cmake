# Warnings and sanitizers as interface targets: every Repère target links them,
# nothing is set globally, so system headers and third-party code stay untouched.
add_library(repere_warnings INTERFACE)
target_compile_options(repere_warnings INTERFACE -Wall -Wextra -Wpedantic)
if(REPERE_WERROR)
  target_compile_options(repere_warnings INTERFACE -Werror)
endif()

add_library(repere_sanitizers INTERFACE)
if(REPERE_SANITIZE)
  target_compile_options(repere_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(repere_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# One call per target keeps the list of project-wide flags in this file only.
function(repere_target_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_link_libraries(${target} PRIVATE repere_warnings repere_sanitizers)
endfunction()
