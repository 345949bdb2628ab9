# Installation and Debian packages (issue 20). `scripts/package.sh` runs CPack's DEB generator:
#   repere-kiosk_<version>_amd64.deb   repere-kiosk, repere, the bundled quizzes and assets under
#                                      /usr/share/repere, repere-kiosk.service, /etc/repere/kiosk.conf
#   repere-server_<version>_amd64.deb  repere-server, its units, /etc/repere/server.conf and the
#                                      quizzes its back office reads (/usr/share/repere-server)
# Depends are computed by dpkg-shlibdeps from the binaries and from link probes of the libraries
# they open with dlopen; only what no code links (fonts, the compositor, speech data, GL drivers)
# is named here.
include(GNUInstallDirs)

# `make install`/cpack builds only what it installs (scripts/package.sh builds the three targets).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

if(TARGET repere-kiosk)
  install(TARGETS repere-kiosk repere RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/quizzes/ DESTINATION ${CMAKE_INSTALL_DATADIR}/repere/quizzes
          COMPONENT kiosk)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/repere/assets
          COMPONENT kiosk)
  install(FILES ${PROJECT_SOURCE_DIR}/deploy/repere-kiosk.service DESTINATION lib/systemd/system
          COMPONENT kiosk)
  # The unit's main process (cage under it; see the script).
  install(PROGRAMS ${PROJECT_SOURCE_DIR}/deploy/kiosk-session DESTINATION lib/repere COMPONENT kiosk)
  install(FILES ${PROJECT_SOURCE_DIR}/deploy/kiosk.conf DESTINATION /etc/repere COMPONENT kiosk)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/deploy.md ${PROJECT_SOURCE_DIR}/assets/LICENSES.md
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/repere-kiosk COMPONENT kiosk)
endif()
if(TARGET repere-server)
  install(TARGETS repere-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/quizzes/
          DESTINATION ${CMAKE_INSTALL_DATADIR}/repere-server/quizzes COMPONENT server)
  install(FILES ${PROJECT_SOURCE_DIR}/deploy/repere-server.service
                ${PROJECT_SOURCE_DIR}/deploy/repere-server-backup.service
                ${PROJECT_SOURCE_DIR}/deploy/repere-server-backup.timer
          DESTINATION lib/systemd/system COMPONENT server)
  install(FILES ${PROJECT_SOURCE_DIR}/deploy/server.conf DESTINATION /etc/repere COMPONENT server)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/deploy.md ${PROJECT_SOURCE_DIR}/deploy/haproxy.cfg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/repere-server COMPONENT server)
endif()

# Maintainer scripts: deploy/debian/<package>/*.in with the shared functions pasted in.
file(READ ${PROJECT_SOURCE_DIR}/deploy/debian/common.sh REPERE_COMMON)
foreach(pkg kiosk server)
  foreach(script postinst prerm postrm)
    configure_file(${PROJECT_SOURCE_DIR}/deploy/debian/${pkg}/${script}.in
                   ${PROJECT_BINARY_DIR}/debian/${pkg}/${script} @ONLY)
  endforeach()
  configure_file(${PROJECT_SOURCE_DIR}/deploy/debian/${pkg}/conffiles
                 ${PROJECT_BINARY_DIR}/debian/${pkg}/conffiles COPYONLY)
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME repere)
set(CPACK_PACKAGE_VENDOR "Département de la Seine-Saint-Denis")
set(CPACK_PACKAGE_CONTACT "Repère maintainers <repere@seine-saint-denis.example>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/cpack)
set(CPACK_COMPONENTS_ALL kiosk server)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://repere.seine-saint-denis.example")
# adduser makes the repere system user in postinst.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME repere-kiosk)
set(CPACK_DEBIAN_KIOSK_FILE_NAME repere-kiosk_${PROJECT_VERSION}_amd64.deb)
set(CPACK_DEBIAN_KIOSK_DESCRIPTION
    "Repère kiosk: digital-skills and French-language diagnostics on a touch screen\n\
repere-kiosk (full screen under cage on tty1, as the repere user), the repere command line, and\n\
the bundled diagnostics (numerique, francais).")
# Not seen by dpkg-shlibdeps: the compositor and Xwayland (GLFW is an X11 client), the font the
# screens are drawn with, espeak-ng's voices (read at run time) and Mesa's GL drivers (dlopen'ed).
# The sound and PDF libraries are opened with dlopen too (so that the kiosk's start does not load
# them), but their Depends are still computed by dpkg-shlibdeps: see the link probes below.
# udev: cage finds the screen and the touch panel through it, and it makes the input and render
# groups repere-kiosk.service puts the repere user in (without them every start fails).
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "adduser, cage, xwayland, fonts-sil-andika, espeak-ng-data, libgl1-mesa-dri, udev")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    ${PROJECT_BINARY_DIR}/debian/kiosk/postinst ${PROJECT_BINARY_DIR}/debian/kiosk/postrm
    ${PROJECT_BINARY_DIR}/debian/kiosk/prerm ${PROJECT_BINARY_DIR}/debian/kiosk/conffiles)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME repere-server)
set(CPACK_DEBIAN_SERVER_FILE_NAME repere-server_${PROJECT_VERSION}_amd64.deb)
set(CPACK_DEBIAN_SERVER_DESCRIPTION
    "Repère central sync server and back office\n\
repere-server (SQLite or PostgreSQL): kiosks sync their results with it, counsellors read them in\n\
its back office. Hardened systemd unit and a daily backup timer.")
# The back office draws its charts and bilans with the same cairo and pango, opened the same way.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser")
# pg_dump/pg_restore for admin backup|restore on PostgreSQL (run, not linked).
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "postgresql-client")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${PROJECT_BINARY_DIR}/debian/server/postinst ${PROJECT_BINARY_DIR}/debian/server/postrm
    ${PROJECT_BINARY_DIR}/debian/server/prerm ${PROJECT_BINARY_DIR}/debian/server/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

# Link probes: programs never installed nor run, made of the same library tables bound by the
# linker instead of dlopen (REPERE_LINK_PROBE), so that their dynamic symbols are exactly the
# functions the kiosk and the server open. At cpack time cmake/RepereProbeDepends.cmake runs
# dpkg-shlibdeps on them and adds what it finds (e.g. "libsndfile1 (>= 1.0.20)") to the Depends.
set(REPERE_PROBE_MAIN ${PROJECT_BINARY_DIR}/link_probe_main.cpp)
file(WRITE ${REPERE_PROBE_MAIN} "int main() { return 0; }\n")
add_executable(repere-kiosk-link-probe EXCLUDE_FROM_ALL ${REPERE_PROBE_MAIN})
target_link_libraries(repere-kiosk-link-probe PRIVATE repere_sound_link_probe repere_pdf_link_probe)
add_executable(repere-server-link-probe EXCLUDE_FROM_ALL ${REPERE_PROBE_MAIN})
target_link_libraries(repere-server-link-probe PRIVATE repere_pdf_link_probe)
# Only the libraries whose functions the tables take (not what the link line pulls in besides).
target_link_options(repere-kiosk-link-probe PRIVATE -Wl,--as-needed)
target_link_options(repere-server-link-probe PRIVATE -Wl,--as-needed)
file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/RepereProbePaths.cmake CONTENT
     "set(REPERE_KIOSK_LINK_PROBE \"$<TARGET_FILE:repere-kiosk-link-probe>\")\n\
set(REPERE_SERVER_LINK_PROBE \"$<TARGET_FILE:repere-server-link-probe>\")\n\
set(REPERE_PROBE_WORK \"${PROJECT_BINARY_DIR}/probe-depends\")\n")
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_SOURCE_DIR}/cmake/RepereProbeDepends.cmake)
set(CPACK_REPERE_PROBE_PATHS ${PROJECT_BINARY_DIR}/RepereProbePaths.cmake)

include(CPack)
