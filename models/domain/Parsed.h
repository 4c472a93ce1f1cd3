#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace rd {

// The one form of an expected failure (docs/architecture.md, "Failures"):
// a value, or what went wrong — in words the user or the log can act on,
// naming the field when there is one. Bad input from a file, the network,
// the user or a server, a file that cannot be written, a check that does
// not pass: all return a Parsed<T> (Parsed<Done> when there is no value).
// Exceptions are for what a caller cannot arrange beforehand (the cache's
// disk, SQLite, a record unfit to store), and are caught at the edges.
struct ParseError
{
    QString field;
    QString message;
    QString toString() const
    {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }
};

template<typename T>
struct Parsed
{
    std::optional<T> value;
    ParseError error;
    explicit operator bool() const { return value.has_value(); }
};

// The value of an operation that only succeeds or fails.
struct Done
{};

template<typename T>
Parsed<T> succeeded(T value)
{
    return Parsed<T>{std::optional<T>(std::move(value)), {}};
}

inline Parsed<Done> succeeded()
{
    return Parsed<Done>{Done{}, {}};
}

template<typename T = Done>
Parsed<T> failed(const QString &message, const QString &field = {})
{
    return Parsed<T>{std::nullopt, {field, message}};
}

} // namespace rd
