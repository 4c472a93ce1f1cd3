#include "ChangesPage.h"

#include "FastFeedReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

namespace rd {

using ApiJson::Parsed;
using ApiJson::ParseError;

namespace {

Parsed<ChangesPage> failure(const QString &field, const QString &message)
{
    Parsed<ChangesPage> result;
    result.error = ParseError{field, message};
    return result;
}

} // namespace

Parsed<ChangesPage> parseChangesPage(const QByteArray &body)
{
    if (auto fast = readChangesPageFast(body)) {
        Parsed<ChangesPage> result;
        result.value = std::move(*fast);
        return result;
    }
    return parseChangesPageStrict(body);
}

Parsed<ChangesPage> parseChangesPageStrict(const QByteArray &body)
{
    QJsonParseError jsonError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError)
        return failure({}, QStringLiteral("not JSON (%1 at byte %2)")
                               .arg(jsonError.errorString())
                               .arg(jsonError.offset));
    if (!document.isObject())
        return failure({}, QStringLiteral("not a JSON object"));
    const QJsonObject object = document.object();

    ChangesPage page;
    page.bytes = body.size();
    const QJsonValue epoch = object.value(QLatin1String("epoch"));
    const QJsonValue cursor = object.value(QLatin1String("cursor"));
    const QJsonValue more = object.value(QLatin1String("more"));
    const QJsonValue records = object.value(QLatin1String("records"));
    const QJsonValue tombstones = object.value(QLatin1String("tombstones"));
    if (!epoch.isString() || epoch.toString().isEmpty())
        return failure(QStringLiteral("epoch"), QStringLiteral("missing or not text"));
    if (!cursor.isString() || cursor.toString().isEmpty())
        return failure(QStringLiteral("cursor"), QStringLiteral("missing or not text"));
    if (!more.isBool())
        return failure(QStringLiteral("more"), QStringLiteral("missing or not true/false"));
    if (!records.isArray())
        return failure(QStringLiteral("records"), QStringLiteral("missing or not a list"));
    if (!tombstones.isArray())
        return failure(QStringLiteral("tombstones"), QStringLiteral("missing or not a list"));
    page.epoch = epoch.toString();
    page.cursor = cursor.toString();
    page.more = more.toBool();
    for (const auto &[key, etag] :
         {std::pair{QLatin1String("catalogue_etag"), &page.catalogueEtag},
          std::pair{QLatin1String("geography_etag"), &page.geographyEtag}}) {
        // Optional hints: one that is not text of a sensible length counts
        // as not given (the desk then asks for both, as before).
        const QJsonValue value = object.value(key);
        if (value.isString() && value.toString().size() <= MaxPageEtagLength)
            *etag = value.toString();
    }

    const QJsonArray recordList = records.toArray();
    page.records.reserve(recordList.size());
    for (qsizetype i = 0; i < recordList.size(); ++i) {
        const QJsonValue value = recordList.at(i);
        if (!value.isObject())
            return failure(QStringLiteral("records[%1]").arg(i), QStringLiteral("not an object"));
        auto parsed = ApiJson::complaintFromJson(value.toObject());
        if (!parsed) {
            const QJsonValue id = value.toObject().value(QLatin1String("id"));
            return failure(
                QStringLiteral("records[%1]%2.%3")
                    .arg(i)
                    .arg(id.isDouble() ? QStringLiteral(" (id %1)").arg(id.toInteger()) : QString())
                    .arg(parsed.error.field),
                parsed.error.message);
        }
        page.records.append(std::move(*parsed.value));
    }
    const QJsonArray tombstoneList = tombstones.toArray();
    page.tombstones.reserve(tombstoneList.size());
    for (qsizetype i = 0; i < tombstoneList.size(); ++i) {
        const QJsonValue value = tombstoneList.at(i);
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 1 || number > 9007199254740991.0 ||
            number != double(qint64(number)))
            return failure(QStringLiteral("tombstones[%1]").arg(i),
                           QStringLiteral("not a complaint id"));
        page.tombstones.append(qint64(number));
    }
    Parsed<ChangesPage> result;
    result.value = std::move(page);
    return result;
}

QString nextCursorFromLink(const QByteArray &linkHeader)
{
    // Link: <uri>; rel="next", <uri>; rel="prev"
    for (const QByteArray &part : linkHeader.split(',')) {
        const qsizetype open = part.indexOf('<');
        const qsizetype close = part.indexOf('>', open + 1);
        if (open < 0 || close < 0)
            continue;
        const QByteArray params = part.mid(close + 1).toLower();
        if (!params.contains("rel=\"next\"") && !params.contains("rel=next"))
            continue;
        const QUrl url(QString::fromLatin1(part.mid(open + 1, close - open - 1)));
        return QUrlQuery(url).queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    }
    return {};
}

} // namespace rd
