# Run by cpack for each generator (CPACK_PROJECT_CONFIG_FILE). A .deb whose files are not under
# /usr would carry a native manifest in a folder Thunderbird never reads.
if(CPACK_GENERATOR STREQUAL "DEB" AND NOT CPACK_PACKAGING_INSTALL_PREFIX STREQUAL "/usr")
    message(FATAL_ERROR "SendGuard: the .deb needs CMAKE_INSTALL_PREFIX=/usr, this build has "
                        "${CPACK_PACKAGING_INSTALL_PREFIX} (reconfigure with "
                        "-DCMAKE_INSTALL_PREFIX=/usr)")
endif()
