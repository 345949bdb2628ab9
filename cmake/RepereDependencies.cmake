# All third-party code comes from Debian packages (see scripts/setup.sh); nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(SQLiteCpp 3.2 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Catch2 2.13 REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
