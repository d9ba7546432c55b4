# The product's fixed names, defined once. Everything else (the host, the native manifest,
# the extension manifest, the installers and the tests) takes them from here.
set(SENDGUARD_ADDON_ID "sendguard@sendguard.org")
set(SENDGUARD_HOST_NAME "org.sendguard.host")
set(SENDGUARD_HOST_EXECUTABLE "sendguard-host")
set(SENDGUARD_VERSION "0.1.0")
# Thunderbird's application id: the name of its folder in the system-wide extension folders
# (/usr/share/mozilla/extensions/<id>/), where the .deb puts the add-in.
set(SENDGUARD_THUNDERBIRD_APP_ID "{3550f703-e582-4d05-9a08-453d09bdfdc6}")
# The Debian package.
set(SENDGUARD_PACKAGE_NAME "sendguard")
