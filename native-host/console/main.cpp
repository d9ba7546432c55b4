// sendguard-host, console build: the native messaging loop of the full host without its checks
// and without its dialog, for builds that have neither Qt nor ICU (the mingw-w64 cross build).
// It answers ping, and answers every other request with an error, so the add-in never sends
// silently through it. Logs go to stderr only; stdout carries the frames.

#include "platform.h"

#include "protocol/frame.h"
#include "protocol/message.h"
#include "protocol/reply.h"

#include <iostream>
#include <string>
#include <string_view>
#include <variant>

namespace {

using namespace sendguard;

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
constexpr int kExitStdout = 3;

const char *usageText()
{
    return "Usage:\n"
           "  sendguard-host --serve\n"
           "      Serve native messaging on stdin/stdout (as when Thunderbird starts the host\n"
           "      with its manifest path and add-in id).\n"
           "  sendguard-host --version\n"
           "  sendguard-host --help\n"
           "This console build has no checks and no dialog (it was built without Qt and ICU):\n"
           "it answers ping and refuses every review, so nothing is sent unchecked through it.\n";
}

// Thunderbird starts the host as `sendguard-host <manifest path> <add-in id>`.
bool isServeInvocation(std::string_view first)
{
    return first == "--serve" || (first.size() > 5 && first.ends_with(".json"));
}

bool writeReply(const nlohmann::json &reply)
{
    Result<std::string> frame = encodeFrame(dumpJson(reply));
    if (!frame) {
        std::cerr << "sendguard-host: reply too large: " << frame.error().message << "\n";
        frame = encodeFrame(dumpJson(errorJson({}, {ErrorCode::Internal, "reply too large"})));
    }
    return platform::writeStdout(frame.value());
}

nlohmann::json replyTo(const FrameDecoder::Item &item)
{
    if (item.error)
        return errorJson({}, *item.error);
    std::string id;
    Result<Message> message = parseMessage(*item.payload, &id);
    if (!message)
        return errorJson(id, message.error());
    if (const auto *ping = std::get_if<PingRequest>(&message.value()))
        return pongJson(ping->id);
    return errorJson(id, {ErrorCode::Unavailable,
                          "this sendguard-host is a console build without checks (no ICU, no "
                          "dialog); it cannot review or learn"});
}

int serve()
{
    platform::prepareStdio();
    std::cerr << "sendguard-host: console build " << SENDGUARD_VERSION
              << " serving; reviews are refused\n";

    FrameDecoder decoder;
    char buffer[64 * 1024];
    for (;;) {
        const std::ptrdiff_t got = platform::readStdin(buffer, sizeof buffer);
        if (got < 0)
            std::cerr << "sendguard-host: reading stdin failed\n";
        if (got <= 0)
            break;
        decoder.feed(std::string_view(buffer, static_cast<std::size_t>(got)));
        while (auto item = decoder.next()) {
            if (!writeReply(replyTo(*item)))
                return kExitStdout;
        }
    }
    if (auto error = decoder.finish()) {
        if (!writeReply(errorJson({}, *error)))
            return kExitStdout;
    }
    return kExitOk;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string_view command = argc > 1 ? argv[1] : "";
    if (isServeInvocation(command))
        return serve();
    if (command == "--version") {
        std::cout << SENDGUARD_HOST_EXECUTABLE << " " << SENDGUARD_VERSION
                  << " (console build: no checks, no dialog)\n";
        return kExitOk;
    }
    if (command == "--help" || command == "-h") {
        std::cout << usageText();
        return kExitOk;
    }
    std::cerr << "sendguard-host: "
              << (command.empty() ? std::string("no command given")
                                  : "unsupported in the console build: " + std::string(command))
              << "\n\n"
              << usageText();
    return kExitUsage;
}
