# The product's fixed names, defined once. Everything else (the host, the native manifest,
# the extension manifest, the installers and the tests) takes them from here.
set(SENDGUARD_ADDON_ID "sendguard@sendguard.org")
set(SENDGUARD_HOST_NAME "org.sendguard.host")
set(SENDGUARD_HOST_EXECUTABLE "sendguard-host")
set(SENDGUARD_VERSION "0.1.0")
