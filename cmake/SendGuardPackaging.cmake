# The Linux install rules and the Debian package (CPack DEB):
#
#   cmake -S . -B build-deb -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr
#   ninja -C build-deb && (cd build-deb && cpack -G DEB)
#
# What goes where (prefix /usr):
#   bin/sendguard-host                                    the host (also the command line)
#   lib/mozilla/native-messaging-hosts/<host>.json        where Debian's Thunderbird looks
#   lib64/mozilla/native-messaging-hosts/<host>.json      where lib64 builds look
#   share/sendguard/<add-in id>.xpi                       the add-in (policies.json's file:// URL)
#   share/mozilla/extensions/<Thunderbird id>/<id>.xpi    a link to it: every profile loads it
#   share/doc/sendguard/examples/policies.json            for IT to merge; /etc is never written
#   share/doc/sendguard/examples/draft.json               a draft to try a policy on (--check)
#   share/doc/sendguard/{README.md,copyright,changelog.Debian.gz}, share/man/man1/...,
#   share/lintian/overrides/sendguard (each override says why)
# The names come from cmake/SendGuardNames.cmake; the version is the project's.
if(NOT (UNIX AND NOT APPLE) OR NOT TARGET ${SENDGUARD_HOST_EXECUTABLE})
    return()
endif()
if(NOT SENDGUARD_VERSION STREQUAL PROJECT_VERSION)
    message(FATAL_ERROR "SENDGUARD_VERSION (${SENDGUARD_VERSION}) and the project version "
                        "(${PROJECT_VERSION}) differ: the package would carry two versions")
endif()

# Thunderbird reads system-wide host manifests from /usr/lib/mozilla only (Debian's build;
# /usr/lib64/mozilla in lib64 builds), so another prefix gives a package Thunderbird ignores.
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    message(STATUS "SendGuard: install prefix ${CMAKE_INSTALL_PREFIX}; the .deb needs "
                   "-DCMAKE_INSTALL_PREFIX=/usr (cpack refuses another)")
endif()

set(deb_stage "${CMAKE_BINARY_DIR}/installer/linux/deb")
set(SENDGUARD_INSTALLED_HOST "${CMAKE_INSTALL_PREFIX}/bin/${SENDGUARD_HOST_EXECUTABLE}")
set(SENDGUARD_INSTALLED_XPI
    "${CMAKE_INSTALL_PREFIX}/share/${SENDGUARD_PACKAGE_NAME}/${SENDGUARD_ADDON_ID}.xpi")
set(SENDGUARD_MAINTAINER "SendGuard maintainers <packaging@sendguard.org>")
set(SENDGUARD_DEB_RELEASE 1)
set(SENDGUARD_DEB_VERSION "${PROJECT_VERSION}-${SENDGUARD_DEB_RELEASE}")
# Honours SOURCE_DATE_EPOCH, so a rebuild of the same sources gives the same changelog.
string(TIMESTAMP SENDGUARD_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)

set(source "${PROJECT_SOURCE_DIR}/installer/linux/deb")
configure_file("${source}/native-manifest.json.in" "${deb_stage}/${SENDGUARD_HOST_NAME}.json"
               @ONLY)
configure_file("${source}/policies.json.in" "${deb_stage}/policies.json" @ONLY)
configure_file("${source}/changelog.in" "${deb_stage}/changelog.Debian" @ONLY)
configure_file("${source}/sendguard-host.1.in" "${deb_stage}/${SENDGUARD_HOST_EXECUTABLE}.1"
               @ONLY)
# The system extension folder holds a relative link to the one copy in share/sendguard.
file(CREATE_LINK "../../../${SENDGUARD_PACKAGE_NAME}/${SENDGUARD_ADDON_ID}.xpi"
     "${deb_stage}/${SENDGUARD_ADDON_ID}.xpi" SYMBOLIC)

# Debian wants the changelog and the manual page compressed with gzip -9n.
find_program(SENDGUARD_GZIP gzip REQUIRED)
set(compressed)
foreach(name changelog.Debian ${SENDGUARD_HOST_EXECUTABLE}.1)
    add_custom_command(
        OUTPUT "${deb_stage}/${name}.gz"
        COMMAND sh -c "\"$0\" -9n -c \"$1\" > \"$2\"" "${SENDGUARD_GZIP}"
                "${deb_stage}/${name}" "${deb_stage}/${name}.gz"
        DEPENDS "${deb_stage}/${name}"
        VERBATIM)
    list(APPEND compressed "${deb_stage}/${name}.gz")
endforeach()
add_custom_target(sendguard_deb_files ALL DEPENDS ${compressed})

set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(doc "share/doc/${SENDGUARD_PACKAGE_NAME}")
install(TARGETS ${SENDGUARD_HOST_EXECUTABLE} RUNTIME DESTINATION bin)
# A stripped install (cpack's CPACK_STRIP_FILES) also drops the compiler's .comment section, as
# Debian's own packaging (dh_strip) does.
install(CODE "
    if(CMAKE_INSTALL_DO_STRIP)
        execute_process(COMMAND \"${CMAKE_OBJCOPY}\" --remove-section=.comment
                                \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/bin/${SENDGUARD_HOST_EXECUTABLE}\"
                        COMMAND_ERROR_IS_FATAL ANY)
    endif()")
foreach(libdir lib lib64)
    install(FILES "${deb_stage}/${SENDGUARD_HOST_NAME}.json"
            DESTINATION "${libdir}/mozilla/native-messaging-hosts")
endforeach()
install(FILES "${CMAKE_BINARY_DIR}/${SENDGUARD_ADDON_ID}.xpi"
        DESTINATION "share/${SENDGUARD_PACKAGE_NAME}")
install(FILES "${deb_stage}/${SENDGUARD_ADDON_ID}.xpi"
        DESTINATION "share/mozilla/extensions/${SENDGUARD_THUNDERBIRD_APP_ID}")
# A saved draft to try a policy on: sendguard-host --check draft.json --policy policies.json
install(FILES "${deb_stage}/policies.json" "${source}/draft.json" DESTINATION "${doc}/examples")
install(FILES "${source}/copyright" "${deb_stage}/changelog.Debian.gz"
              "${PROJECT_SOURCE_DIR}/README.md"
        DESTINATION "${doc}")
install(FILES "${deb_stage}/${SENDGUARD_HOST_EXECUTABLE}.1.gz" DESTINATION share/man/man1)
install(FILES "${source}/lintian-overrides" DESTINATION share/lintian/overrides
        RENAME "${SENDGUARD_PACKAGE_NAME}")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME "${SENDGUARD_PACKAGE_NAME}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${SENDGUARD_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${SENDGUARD_DEB_RELEASE})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SENDGUARD_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION mail)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Thunderbird may come from elsewhere (Mozilla's own build reads the same folders). Qt's own
# catalogues translate its standard buttons (ui/language.cpp); without them they stay English.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "thunderbird (>= 1:128), qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_ENHANCES "thunderbird")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Thunderbird add-in that stops mis-sent email
When you press Send in Thunderbird, SendGuard lists every recipient outside
your organisation and every attachment in a dialog, and the message leaves
only after each one has been ticked. It warns about look-alike domains,
outside companies who would see each other in To and Cc, forgotten
attachments and more, and refuses mail to blocked domains. If its checking
program is missing or fails, the message is not sent.
.
This package installs the checking program (sendguard-host), registers it
with Thunderbird for every user and makes Thunderbird load the add-in in
every profile. Administrators set the policy in
/etc/thunderbird/policies/policies.json (an example is in
/usr/share/doc/sendguard/examples).")
set(CPACK_PROJECT_CONFIG_FILE "${PROJECT_SOURCE_DIR}/cmake/SendGuardCPackChecks.cmake")
include(CPack)
