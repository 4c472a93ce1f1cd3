#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace rd::server {

// A request as the API logic sees it, free of any HTTP library.
struct ApiRequest
{
    QByteArray method; // "GET", "POST", …
    QString path;      // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    // Who sent it, as the HTTP front tells: the client's key for per-client
    // limits (the IPv4 address, or the IPv6 /64; HttpConnection::client())
    // and whether it came from this machine (loopback).
    QString client;
    bool loopback = false;

    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

struct ApiResponse
{
    int status = 200;
    QByteArray contentType = "application/json; charset=utf-8";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    void addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
    }

    static ApiResponse json(int status, const QJsonObject &object);
    static ApiResponse jsonArray(int status, const QByteArray &arrayText);
    // {"error": {"code", "message", "fields"?}} (docs/api.md, "Errors").
    static ApiResponse error(int status, const QString &code, const QString &message,
                             const QJsonObject &fields = {});
};

// The body of a request as a JSON object. A body over maxBytes, one that is
// not JSON, not an object or one with a repeated key: *failure is the 413
// or 400 answer.
std::optional<QJsonObject> parseJsonBody(const ApiRequest &request, qint64 maxBytes,
                                         ApiResponse *failure);

// The first key that appears twice in one object of this JSON text (which
// must be valid JSON), if any; keys compare after unescaping.
std::optional<QString> duplicateJsonKey(QByteArrayView json);

// A fault the HTTP front applies to matching responses (test hooks only).
struct FaultPlan
{
    enum class Kind
    {
        None,
        CutBody,
        ErrorAfterCommit,
        Delay,
        MalformedJson,
        Drop
    };
    Kind kind = Kind::None;
    QString pathPrefix; // which requests: those whose path starts with this
    int skip = 0;       // how many matching requests pass unharmed first
    int remaining = 0;  // how many more matching requests get it
    int delayMs = 0;
};

} // namespace rd::server
