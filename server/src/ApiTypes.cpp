#include "ApiTypes.h"

#include "ApiJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <vector>

namespace rd::server {

ApiResponse ApiResponse::json(int status, const QJsonObject &object)
{
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse ApiResponse::jsonArray(int status, const QByteArray &arrayText)
{
    ApiResponse r;
    r.status = status;
    r.body = arrayText;
    return r;
}

ApiResponse ApiResponse::error(int status, const QString &code, const QString &message,
                               const QJsonObject &fields)
{
    return json(status, ApiJson::errorBody(code, message, fields));
}

namespace {

// A JSON string token's text (between its quotes, escapes as written).
QString decodeJsonString(QByteArrayView raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    const QByteArray array = "[\"" + raw.toByteArray() + "\"]";
    return QJsonDocument::fromJson(array).array().at(0).toString();
}

} // namespace

std::optional<QString> duplicateJsonKey(QByteArrayView json)
{
    // One frame per open object or array; an object's keys so far.
    struct Frame
    {
        bool object = false;
        bool expectKey = false;
        QSet<QString> keys;
    };
    std::vector<Frame> stack;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '{' || c == '[') {
            stack.push_back({c == '{', c == '{', {}});
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
        } else if (c == ',') {
            if (!stack.empty() && stack.back().object)
                stack.back().expectKey = true;
        } else if (c == '"') {
            const qsizetype start = i + 1;
            for (++i; i < json.size() && json[i] != '"'; ++i) {
                if (json[i] == '\\')
                    ++i;
            }
            if (stack.empty() || !stack.back().object || !stack.back().expectKey)
                continue;
            Frame &frame = stack.back();
            frame.expectKey = false;
            const QString key = decodeJsonString(json.sliced(start, i - start));
            if (frame.keys.contains(key))
                return key;
            frame.keys.insert(key);
        }
    }
    return std::nullopt;
}

std::optional<QJsonObject> parseJsonBody(const ApiRequest &request, qint64 maxBytes,
                                         ApiResponse *failure)
{
    if (request.body.size() > maxBytes) {
        *failure =
            ApiResponse::error(413, QStringLiteral("too_large"),
                               QStringLiteral("The body is larger than %1 bytes.").arg(maxBytes));
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        *failure =
            ApiResponse::error(400, QStringLiteral("bad_json"),
                               error.error != QJsonParseError::NoError
                                   ? QStringLiteral("The body is not valid JSON: %1 at byte %2.")
                                         .arg(error.errorString())
                                         .arg(error.offset)
                                   : QStringLiteral("The body must be a JSON object."));
        return std::nullopt;
    }
    // QJsonDocument keeps the last of repeated keys; what the client meant
    // is unclear, and a check and a use could read different ones.
    if (const auto key = duplicateJsonKey(request.body)) {
        *failure = ApiResponse::error(
            400, QStringLiteral("bad_json"),
            QStringLiteral("The body repeats the key \"%1\"; each key may appear once.").arg(*key));
        return std::nullopt;
    }
    return doc.object();
}

} // namespace rd::server
