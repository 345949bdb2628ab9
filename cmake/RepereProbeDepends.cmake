# Run by cpack (CPACK_PROJECT_CONFIG_FILE), once per generator: adds to each package's Depends what
# dpkg-shlibdeps computes from its link probe (cmake/ReperePackaging.cmake), i.e. the versioned
# packages of the libraries the programs open with dlopen. A missing probe or a failing
# dpkg-shlibdeps stops the packaging: a package without them would install and then have no sound
# and no bilan.
if(NOT CPACK_GENERATOR STREQUAL "DEB")
  return()
endif()
include(${CPACK_REPERE_PROBE_PATHS})
file(REMOVE_RECURSE ${REPERE_PROBE_WORK})
# dpkg-shlibdeps reads the source package's control file.
file(WRITE ${REPERE_PROBE_WORK}/debian/control "Source: repere\n\nPackage: repere\nArchitecture: any\n")
foreach(pkg KIOSK SERVER)
  set(probe "${REPERE_${pkg}_LINK_PROBE}")
  if(NOT EXISTS "${probe}")
    message(FATAL_ERROR "packaging: ${probe} is missing; scripts/package.sh builds it "
                        "(cmake --build build --target repere-kiosk-link-probe repere-server-link-probe)")
  endif()
  # libc, libstdc++ and libgcc come from the real binaries already.
  execute_process(COMMAND dpkg-shlibdeps -O -xlibc6 -xlibstdc++6 -xlibgcc-s1 ${probe}
                  WORKING_DIRECTORY ${REPERE_PROBE_WORK}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "^shlibs:Depends=")
    message(FATAL_ERROR "packaging: dpkg-shlibdeps failed on ${probe}: ${err}")
  endif()
  string(REGEX REPLACE "^shlibs:Depends=" "" deps "${out}")
  string(STRIP "${deps}" deps)
  set(CPACK_DEBIAN_${pkg}_PACKAGE_DEPENDS "${CPACK_DEBIAN_${pkg}_PACKAGE_DEPENDS}, ${deps}")
  message(STATUS "packaging: ${pkg} Depends on opened libraries: ${deps}")
endforeach()
