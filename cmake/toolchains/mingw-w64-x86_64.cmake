# Cross-compiles SendGuard's Qt-free, ICU-free parts for 64-bit Windows with Debian's mingw-w64
# (g++-mingw-w64-x86-64-posix, GCC 12 with the posix thread model, which std::thread needs).
# scripts/test-windows-cross configures with it; the executables run under wine through
# CMAKE_CROSSCOMPILING_EMULATOR, so ctest runs the .exe tests as if they were native.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(mingw_prefix x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${mingw_prefix}-gcc-posix)
set(CMAKE_CXX_COMPILER ${mingw_prefix}-g++-posix)
set(CMAKE_RC_COMPILER ${mingw_prefix}-windres)

# Look for libraries and headers only in the mingw sysroot, never in the host's /usr/include
# (glibc headers break a Windows build). Header-only nlohmann/json is the one thing taken from
# the host, through a folder that holds only a link to it (cmake/SendGuardCrossDeps.cmake).
set(CMAKE_FIND_ROOT_PATH /usr/${mingw_prefix})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Static libgcc and libstdc++: the exe then needs only KERNEL32.dll and msvcrt.dll, so the MSI
# ships one file instead of three DLLs that would have to match the compiler.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")

find_program(SENDGUARD_WINE wine)
if(SENDGUARD_WINE)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${SENDGUARD_WINE})
endif()
