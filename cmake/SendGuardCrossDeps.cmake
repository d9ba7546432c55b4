# Dependencies of the mingw-w64 cross build, which Debian does not package for mingw. Included
# when SENDGUARD_CROSS_DEPS_DIR names the folder scripts/test-windows-cross prepares:
#   include/nlohmann -> the host's header-only nlohmann/json (a link, so /usr/include itself
#                       never reaches the cross compiler)
#   sqlite/sqlite3.c, sqlite/sqlite3.h -> the SQLite amalgamation
# GoogleTest is built from Debian's libgtest-dev sources (/usr/src/googletest).
enable_language(C)

set(cross_deps "${SENDGUARD_CROSS_DEPS_DIR}")
foreach(required include/nlohmann/json.hpp sqlite/sqlite3.c sqlite/sqlite3.h)
    if(NOT EXISTS "${cross_deps}/${required}")
        message(FATAL_ERROR "${cross_deps}/${required} is missing: run scripts/test-windows-cross")
    endif()
endforeach()

add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${cross_deps}/include")

# The options follow SQLite's recommended set where it does not change behaviour the history
# store relies on; extensions are never loaded.
add_library(sendguard_sqlite3 STATIC "${cross_deps}/sqlite/sqlite3.c")
target_include_directories(sendguard_sqlite3 SYSTEM PUBLIC "${cross_deps}/sqlite")
target_compile_definitions(sendguard_sqlite3 PRIVATE
    SQLITE_THREADSAFE=1 SQLITE_DQS=0 SQLITE_OMIT_LOAD_EXTENSION)
add_library(SQLite::SQLite3 ALIAS sendguard_sqlite3)

if(SENDGUARD_BUILD_TESTS)
    set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
    set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
    add_subdirectory(/usr/src/googletest "${CMAKE_BINARY_DIR}/googletest" EXCLUDE_FROM_ALL)
endif()
