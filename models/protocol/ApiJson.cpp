#include "ApiJson.h"

#include "JsonReader.h"

#include "ProtocolLimits.h"
#include "TimeUtil.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

#include <climits>

#include <cmath>

namespace rd::ApiJson {

namespace {

using detail::dateOrNull;
using detail::orNull;
using detail::Reader;
using detail::timeOrNull;

using ProtocolLimits::MaxId;

} // namespace

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

namespace {

// The digits of text[from, from + count), or -1.
int digits(const QString &text, qsizetype from, int count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// The form every server writes, "2026-11-20T09:30:00.000Z", read without a
// regular expression or QDateTime's parser (a first sync reads 300 000 of
// them); anything else takes the general path.
std::optional<QDateTime> parseUtcMillis(const QString &text)
{
    if (text.size() != 24 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' ||
        text[13] != u':' || text[16] != u':' || text[19] != u'.' || text[23] != u'Z')
        return std::nullopt;
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    const int ms = digits(text, 20, 3);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || ms < 0 ||
        hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    const qint64 days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
    return utcFromMs(((days * 24 + hour) * 60 + minute) * 60'000 + second * 1000 + ms);
}

} // namespace

std::optional<QDateTime> parseTime(const QString &text)
{
    if (auto fast = parseUtcMillis(text))
        return fast;
    // An offset is required: a time without one means nothing on the wire.
    static const QRegularExpression form(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$)"));
    if (!form.match(text).hasMatch())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return utcFromMs(t.toMSecsSinceEpoch());
}

QJsonObject complaintToJson(const Complaint &c, const QList<Photo> &photos,
                            const Visibility &visibility)
{
    QJsonObject o{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("version"), c.version},
        {QStringLiteral("state"), toCode(c.state)},
        {QStringLiteral("category_id"), c.categoryId},
        {QStringLiteral("agency_id"), c.agencyId ? QJsonValue(*c.agencyId) : QJsonValue()},
        {QStringLiteral("district_id"), c.districtId ? QJsonValue(*c.districtId) : QJsonValue()},
        {QStringLiteral("text"), c.text},
        {QStringLiteral("address"), c.address},
        {QStringLiteral("lat"), c.latitude},
        {QStringLiteral("lon"), c.longitude},
        {QStringLiteral("created_at"), timeOrNull(c.createdAt)},
        {QStringLiteral("updated_at"), timeOrNull(c.updatedAt)},
        {QStringLiteral("published_at"), timeOrNull(c.publishedAt)},
        {QStringLiteral("due_date"), dateOrNull(c.dueDate)},
        {QStringLiteral("votes"), c.votes},
        {QStringLiteral("duplicate_of"), c.duplicateOf ? QJsonValue(*c.duplicateOf) : QJsonValue()},
        {QStringLiteral("reject_reason"), orNull(c.rejectReason)},
        {QStringLiteral("citizen_feedback"), orNull(c.citizenFeedback)},
    };
    if (visibility.personalData) {
        o.insert(QStringLiteral("author"),
                 QJsonObject{{QStringLiteral("name"), orNull(c.authorName)},
                             {QStringLiteral("email"), orNull(c.authorEmail)},
                             {QStringLiteral("phone"), orNull(c.authorPhone)}});
    } else {
        o.insert(QStringLiteral("author"), QJsonValue());
    }
    if (c.answerKind == AnswerKind::None) {
        o.insert(QStringLiteral("answer"), QJsonValue());
    } else {
        o.insert(QStringLiteral("answer"),
                 QJsonObject{{QStringLiteral("kind"), toCode(c.answerKind)},
                             {QStringLiteral("text"), orNull(c.answerText)},
                             {QStringLiteral("deadline"), dateOrNull(c.answerDeadline)},
                             {QStringLiteral("ground"), orNull(c.refusalGround)},
                             {QStringLiteral("answered_at"), timeOrNull(c.answeredAt)},
                             {QStringLiteral("first_answered_at"), timeOrNull(c.firstAnsweredAt)},
                             {QStringLiteral("extended"), c.deadlineExtended},
                             {QStringLiteral("extension_reason"), orNull(c.extensionReason)}});
    }
    QJsonArray photoArray;
    for (const Photo &p : photos) {
        photoArray.append(QJsonObject{{QStringLiteral("id"), p.id},
                                      {QStringLiteral("mime_type"), p.mimeType},
                                      {QStringLiteral("width"), p.width},
                                      {QStringLiteral("height"), p.height},
                                      {QStringLiteral("bytes"), p.bytes},
                                      {QStringLiteral("evidence"), p.evidence}});
    }
    o.insert(QStringLiteral("photos"), photoArray);
    return o;
}

Parsed<ParsedComplaint> complaintFromJson(const QJsonObject &object)
{
    Reader r(object);
    ParsedComplaint out;
    Complaint &c = out.complaint;
    c.id = r.integer("id", 1, MaxId);
    c.version = r.integer("version", 1, MaxId);
    const QString state = r.text("state", true, ProtocolLimits::StateCode);
    if (r.ok()) {
        const auto parsed = complaintStateFromCode(state);
        if (!parsed)
            r.fail(QStringLiteral("state"), Reader::tr("unknown state \"%1\"").arg(state));
        else
            c.state = *parsed;
    }
    c.categoryId = int(r.integer("category_id", 1, INT_MAX));
    if (const auto a = r.optionalInteger("agency_id", 1, INT_MAX))
        c.agencyId = int(*a);
    if (const auto d = r.optionalInteger("district_id", 1, INT_MAX))
        c.districtId = int(*d);
    c.text = r.text("text");
    c.address = r.text("address", true, ProtocolLimits::Address);
    c.latitude = r.real("lat", -90.0, 90.0);
    c.longitude = r.real("lon", -180.0, 180.0);
    c.createdAt = r.time("created_at");
    c.updatedAt = r.time("updated_at");
    c.publishedAt = r.time("published_at", false);
    c.dueDate = r.date("due_date", false);
    c.votes = int(r.integer("votes", 0, INT_MAX));
    if (const auto d = r.optionalInteger("duplicate_of", 1, MaxId))
        c.duplicateOf = *d;
    c.rejectReason = r.text("reject_reason", false);
    c.citizenFeedback = r.text("citizen_feedback", false);
    if (r.has("author")) {
        Reader a(r.object("author"), QStringLiteral("author."));
        c.authorName = a.text("name", false, ProtocolLimits::Name);
        c.authorEmail = a.text("email", false, ProtocolLimits::Email);
        c.authorPhone = a.text("phone", false, ProtocolLimits::Phone);
        if (!a.ok())
            r.adopt(a.error());
    }
    if (r.has("answer")) {
        Reader a(r.object("answer"), QStringLiteral("answer."));
        const QString kind = a.text("kind", true, ProtocolLimits::StateCode);
        const auto parsedKind = answerKindFromCode(kind);
        if (a.ok() && (!parsedKind || *parsedKind == AnswerKind::None))
            a.fail(QStringLiteral("kind"), Reader::tr("unknown answer kind \"%1\"").arg(kind));
        else if (parsedKind)
            c.answerKind = *parsedKind;
        c.answerText = a.text("text", false);
        c.answerDeadline = a.date("deadline", false);
        c.refusalGround = a.text("ground", false, ProtocolLimits::Code);
        c.answeredAt = a.time("answered_at", false);
        c.firstAnsweredAt = a.time("first_answered_at", false);
        if (!c.firstAnsweredAt.isValid()) // a server before API 1.1: the best there is
            c.firstAnsweredAt = c.answeredAt;
        c.deadlineExtended = a.boolean("extended", false);
        c.extensionReason = a.text("extension_reason", false);
        if (!a.ok())
            r.adopt(a.error());
    }
    const QJsonArray photos = r.array("photos", false);
    for (qsizetype i = 0; i < photos.size() && r.ok(); ++i) {
        if (!photos[i].isObject()) {
            r.fail(QStringLiteral("photos[%1]").arg(i), Reader::tr("must be an object"));
            break;
        }
        Reader p(photos[i].toObject(), QLatin1String("photos"), i);
        Photo photo;
        photo.id = p.text("id", true, ProtocolLimits::MediaId);
        photo.complaintId = c.id;
        photo.mimeType = p.text("mime_type", true, ProtocolLimits::Code);
        photo.width = int(p.integer("width", 0, ProtocolLimits::MaxPixels));
        photo.height = int(p.integer("height", 0, ProtocolLimits::MaxPixels));
        photo.bytes = p.integer("bytes", 0, MaxId);
        photo.evidence = p.boolean("evidence", false);
        if (!p.ok())
            r.adopt(p.error());
        out.photos.append(photo);
    }
    if (!r.ok())
        return {std::nullopt, r.error()};
    return {out, {}};
}

QJsonObject historyEntryToJson(const HistoryEntry &e)
{
    return QJsonObject{{QStringLiteral("seq"), e.seq},
                       {QStringLiteral("at"), timeOrNull(e.at)},
                       {QStringLiteral("actor"), e.actor},
                       {QStringLiteral("action"), e.action},
                       {QStringLiteral("old"), orNull(e.oldValue)},
                       {QStringLiteral("new"), orNull(e.newValue)},
                       {QStringLiteral("comment"), orNull(e.comment)}};
}

Parsed<HistoryEntry> historyEntryFromJson(qint64 complaintId, const QJsonObject &object)
{
    Reader r(object);
    HistoryEntry e;
    e.complaintId = complaintId;
    e.seq = r.integer("seq", 1, MaxId);
    e.at = r.time("at");
    e.actor = r.text("actor", true, ProtocolLimits::Name);
    e.action = r.text("action", true, ProtocolLimits::Code);
    e.oldValue = r.text("old", false);
    e.newValue = r.text("new", false);
    e.comment = r.text("comment", false);
    if (!r.ok())
        return {std::nullopt, r.error()};
    return {e, {}};
}

QJsonObject errorBody(const QString &code, const QString &message, const QJsonObject &fields)
{
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!fields.isEmpty())
        error.insert(QStringLiteral("fields"), fields);
    return QJsonObject{{QStringLiteral("error"), error}};
}

} // namespace rd::ApiJson
