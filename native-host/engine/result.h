#pragma once

#include <string>
#include <utility>
#include <variant>

namespace sendguard {

// The closed set of ways an operation of SendGuard can fail. Bad input is data: it becomes one
// of these (or a finding), never an exception across a module boundary or an assert.
enum class ErrorCode {
    InvalidAddress, // a recipient string that is not an RFC 5322 address
    InvalidDomain,  // a domain that UTS #46 rejects
    InvalidPattern, // a policy pattern that cannot be understood
    InvalidPolicy,  // a policy value of the wrong type or an unknown key
    MalformedFrame, // a native-messaging frame whose length or bytes are wrong
    FrameTooLarge,  // a frame over the size we accept
    MalformedJson,  // a frame that is not UTF-8 JSON
    InvalidRequest, // JSON that is not a request we understand
    Io,             // reading or writing a file or stream failed
    Unavailable,    // something needed is not there (no display, say)
    Internal,       // a state the code believes impossible; logged, never asserted
};

// Stable spelling of an error code for logs and protocol replies ("malformed-frame").
const char *errorCodeName(ErrorCode code);

struct Error
{
    ErrorCode code;
    std::string message;
};

// A value or an Error. Small on purpose: `ok()`, `value()`, `error()`.
template<typename T>
class Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(Error error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

} // namespace sendguard
