# One place for the flags every SendGuard target gets: warnings, and the sanitizers when asked.
function(sendguard_target_defaults target)
    if(MSVC)
        # /utf-8: the sources and their string literals are UTF-8 (Japanese rule texts).
        target_compile_options(${target} PRIVATE /W4 /utf-8 /permissive- /Zc:__cplusplus)
        # getenv, fopen and getpid are used on purpose; their _s and _ variants are not portable.
        target_compile_definitions(${target} PRIVATE NOMINMAX WIN32_LEAN_AND_MEAN
                                                     _CRT_SECURE_NO_WARNINGS
                                                     _CRT_NONSTDC_NO_WARNINGS)
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra)
    endif()
    if(SENDGUARD_WERROR)
        target_compile_options(${target} PRIVATE $<IF:$<BOOL:${MSVC}>,/WX,-Werror>)
    endif()
    if(SENDGUARD_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined
                                                 -fno-sanitize-recover=undefined
                                                 -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
    if(SENDGUARD_FUZZ)
        target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined)
    endif()
endfunction()

# Registers a GoogleTest executable with CTest: sendguard_add_gtest(NAME SOURCES ... LIBS ...)
function(sendguard_add_gtest name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;ENVIRONMENT" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
    sendguard_target_defaults(${name})
    if(CMAKE_CROSSCOMPILING)
        # Under wine every start of an .exe costs seconds, so a cross build runs each test
        # program once (through CMAKE_CROSSCOMPILING_EMULATOR) instead of once per case; the
        # XML report says how many cases ran (scripts/test-windows-cross counts them).
        # A relative report path: Windows reads "/work/..." as relative to the current drive.
        add_test(NAME ${name} COMMAND ${name} --gtest_output=xml:gtest-results/${name}.xml
                 WORKING_DIRECTORY ${CMAKE_BINARY_DIR})
        set_tests_properties(${name} PROPERTIES LABELS unit ENVIRONMENT "${ARG_ENVIRONMENT}")
        return()
    endif()
    gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST
                         PROPERTIES LABELS unit ENVIRONMENT "${ARG_ENVIRONMENT}")
endfunction()

# A libFuzzer target: sendguard_add_fuzzer(NAME SOURCE LIBS ... CORPUS dir)
function(sendguard_add_fuzzer name)
    cmake_parse_arguments(ARG "" "SOURCE;CORPUS" "LIBS" ${ARGN})
    add_executable(${name} ${ARG_SOURCE})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS})
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    # A short bounded run in CI; longer runs by hand with the same binary.
    set(corpus "${CMAKE_CURRENT_BINARY_DIR}/${name}-corpus")
    add_test(NAME ${name}
             COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=1
                     $<TARGET_FILE:${name}> -max_total_time=20 -rss_limit_mb=2048
                     ${corpus} ${ARG_CORPUS})
    set_tests_properties(${name} PROPERTIES LABELS fuzz)
    file(MAKE_DIRECTORY ${corpus})
endfunction()
