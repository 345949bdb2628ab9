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

# The SQL fence. Debian installs SQLiteCpp's and SQLite's headers in /usr/include, where every
# compiler finds them, so linking SQLiteCpp PRIVATE alone would not stop another room from
# including them. This folder holds a header of the same name for each of them that stops the
# build with the rule; it comes before the system folders for every target that does not ask for
# SQL, so only the kiosk's store and the server's storage can include them
# (ctest architecture_sqlitecpp_private builds a file that tries, in every room).
set(REPERE_SQL_FENCE_DIR ${CMAKE_BINARY_DIR}/sql_fence)
get_target_property(_sqlitecpp_includes SQLiteCpp INTERFACE_INCLUDE_DIRECTORIES)
set(_fenced sqlite3.h)
foreach(dir IN LISTS _sqlitecpp_includes)
  file(GLOB _headers RELATIVE ${dir} ${dir}/SQLiteCpp/*.h)
  list(APPEND _fenced ${_headers})
endforeach()
list(LENGTH _fenced _count)
if(_count LESS 2)
  message(FATAL_ERROR "SQL fence: no SQLiteCpp header found under '${_sqlitecpp_includes}'")
endif()
foreach(header IN LISTS _fenced)
  file(CONFIGURE OUTPUT ${REPERE_SQL_FENCE_DIR}/${header} CONTENT
    "#error \"<${header}>: only the kiosk's store (kiosk/core/store) and the server's storage use SQL (docs/architecture.md)\"\n")
endforeach()
add_library(repere_sql_fence INTERFACE)
target_include_directories(repere_sql_fence BEFORE INTERFACE ${REPERE_SQL_FENCE_DIR})

# One call per target keeps the list of project-wide flags in this file only.
#   repere_target_defaults(target)       a room that writes no SQL: SQLiteCpp and sqlite3.h fenced off
#   repere_target_defaults(target SQL)   the kiosk's store, the server's storage, tests that read a database
function(repere_target_defaults target)
  cmake_parse_arguments(ARG "SQL" "" "" ${ARGN})
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_link_libraries(${target} PRIVATE repere_warnings repere_sanitizers)
  if(NOT ARG_SQL)
    target_link_libraries(${target} PRIVATE repere_sql_fence)
  endif()
endfunction()
