#include "ApiTypes.h"

#include "ApiJson.h"

#include <QJsonDocument>
#include <QJsonParseError>

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
    return doc.object();
}

} // namespace rd::server
