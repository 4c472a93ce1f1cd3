#include "ApiJson.h"

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

// Reads fields of one JSON object, remembering the first problem. Every
// accessor returns a usable default after an error so the caller can read on
// and check ok() once at the end.
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(ApiJson)
public:
    Reader(const QJsonObject &object, QString prefix = {})
        : m_object(object)
        , m_prefix(std::move(prefix))
    {}
    // A list element's reader: its prefix ("photos[3].") is only spelled out
    // for an error, not for every element read.
    Reader(const QJsonObject &object, QLatin1String list, qsizetype index)
        : m_object(object)
        , m_list(list)
        , m_index(index)
    {}

    bool ok() const { return m_error.message.isEmpty(); }
    const ParseError &error() const { return m_error; }
    void fail(const QString &field, const QString &message)
    {
        if (ok())
            m_error = {prefix() + field, message};
    }
    void adopt(const ParseError &inner)
    {
        if (ok())
            m_error = {prefix() + inner.field, inner.message};
    }
    QString prefix() const
    {
        return m_index < 0 ? m_prefix : QStringLiteral("%1[%2].").arg(m_list).arg(m_index);
    }

    bool has(const char *field) const
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        return !v.isUndefined() && !v.isNull();
    }

    qint64 integer(const char *field, qint64 min, qint64 max, bool required = true)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QLatin1String(field), tr("is required"));
            return 0;
        }
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || std::floor(d) != d) {
            fail(QLatin1String(field), tr("must be a whole number"));
            return 0;
        }
        if (d < double(min) || d > double(max)) {
            fail(QLatin1String(field), tr("must be between %1 and %2").arg(min).arg(max));
            return 0;
        }
        return qint64(d);
    }
    std::optional<qint64> optionalInteger(const char *field, qint64 min, qint64 max)
    {
        if (!has(field))
            return std::nullopt;
        return integer(field, min, max);
    }
    double real(const char *field, double min, double max)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (!v.isDouble()) {
            fail(QLatin1String(field),
                 v.isUndefined() ? tr("is required") : tr("must be a number"));
            return 0.0;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < min || d > max) {
            fail(QLatin1String(field), tr("must be between %1 and %2").arg(min).arg(max));
            return 0.0;
        }
        return d;
    }
    QString text(const char *field, bool required = true,
                 qsizetype maxLength = ProtocolLimits::LongText)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QLatin1String(field), tr("is required"));
            return {};
        }
        if (!v.isString()) {
            fail(QLatin1String(field), tr("must be text"));
            return {};
        }
        const QString s = v.toString();
        if (s.size() > maxLength) {
            fail(QLatin1String(field), tr("is longer than %1 characters").arg(maxLength));
            return {};
        }
        return s;
    }
    bool boolean(const char *field, bool fallback)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isBool()) {
            fail(QLatin1String(field), tr("must be true or false"));
            return fallback;
        }
        return v.toBool();
    }
    QDateTime time(const char *field, bool required = true)
    {
        const QString s = text(field, required, ProtocolLimits::TimeText);
        if (s.isEmpty())
            return {};
        const auto t = parseTime(s);
        if (!t) {
            fail(QLatin1String(field), tr("must be a time in ISO 8601 with an offset"));
            return {};
        }
        return *t;
    }
    QDate date(const char *field, bool required = true)
    {
        const QString s = text(field, required, ProtocolLimits::DateText);
        if (s.isEmpty())
            return {};
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid() || s.size() != 10) {
            fail(QLatin1String(field), tr("must be a date YYYY-MM-DD"));
            return {};
        }
        return d;
    }
    QJsonObject object(const char *field, bool required = true)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QLatin1String(field), tr("is required"));
            return {};
        }
        if (!v.isObject()) {
            fail(QLatin1String(field), tr("must be an object"));
            return {};
        }
        return v.toObject();
    }
    QJsonArray array(const char *field, bool required = true)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QLatin1String(field), tr("is required"));
            return {};
        }
        if (!v.isArray()) {
            fail(QLatin1String(field), tr("must be a list"));
            return {};
        }
        return v.toArray();
    }

private:
    QJsonObject m_object;
    QString m_prefix;
    QLatin1String m_list;
    qsizetype m_index = -1;
    ParseError m_error;
};

QJsonValue orNull(const QString &s)
{
    return s.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue dateOrNull(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(formatTime(t)) : QJsonValue(QJsonValue::Null);
}

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

QJsonObject catalogueToJson(const Catalogue &catalogue)
{
    QJsonArray categories;
    for (const Category &c : catalogue.categories) {
        categories.append(
            QJsonObject{{QStringLiteral("id"), c.id},
                        {QStringLiteral("code"), c.code},
                        {QStringLiteral("name"), c.name},
                        {QStringLiteral("default_agency_id"),
                         c.defaultAgencyId ? QJsonValue(*c.defaultAgencyId) : QJsonValue()}});
    }
    QJsonArray agencies;
    for (const Agency &a : catalogue.agencies) {
        agencies.append(QJsonObject{{QStringLiteral("id"), a.id},
                                    {QStringLiteral("code"), a.code},
                                    {QStringLiteral("name"), a.name}});
    }
    QJsonArray districts;
    for (const District &d : catalogue.districts)
        districts.append(
            QJsonObject{{QStringLiteral("id"), d.id}, {QStringLiteral("name"), d.name}});
    QJsonArray grounds;
    for (const RefusalGround &g : catalogue.refusalGrounds) {
        grounds.append(QJsonObject{{QStringLiteral("code"), g.code},
                                   {QStringLiteral("title"), g.title},
                                   {QStringLiteral("template"), g.templateText},
                                   {QStringLiteral("legal_basis"),
                                    orNull(g.legalBasis.isEmpty() ? QString() : g.legalBasis)}});
    }
    QJsonArray rejectReasons;
    for (const RejectReason &reason : catalogue.rejectReasons)
        rejectReasons.append(QJsonObject{{QStringLiteral("code"), reason.code},
                                         {QStringLiteral("title"), reason.title}});
    QJsonArray states;
    for (const ComplaintState s :
         {ComplaintState::Moderation, ComplaintState::Published, ComplaintState::Rejected,
          ComplaintState::Duplicate, ComplaintState::InProgress, ComplaintState::Solved,
          ComplaintState::Refused, ComplaintState::Confirmed, ComplaintState::Contested})
        states.append(
            QJsonObject{{QStringLiteral("code"), toCode(s)}, {QStringLiteral("open"), isOpen(s)}});
    return QJsonObject{
        {QStringLiteral("categories"), categories},
        {QStringLiteral("agencies"), agencies},
        {QStringLiteral("districts"), districts},
        {QStringLiteral("states"), states},
        {QStringLiteral("refusal_grounds"), grounds},
        {QStringLiteral("reject_reasons"), rejectReasons},
        {QStringLiteral("time_zone"), catalogue.timeZone},
        {QStringLiteral("deadline_rules"),
         QJsonObject{{QStringLiteral("answer_days"), catalogue.rules.answerDays},
                     {QStringLiteral("max_extension_days"), catalogue.rules.maxExtensionDays},
                     {QStringLiteral("max_extensions"), catalogue.rules.maxExtensions},
                     {QStringLiteral("min_refusal_length"), catalogue.rules.minRefusalLength},
                     {QStringLiteral("max_resolution_days"), catalogue.rules.maxResolutionDays}}},
    };
}

Parsed<Catalogue> catalogueFromJson(const QJsonObject &object)
{
    Reader r(object);
    Catalogue out;
    const auto each = [&](const char *name, auto &&readOne) {
        const QJsonArray list = r.array(name);
        for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
            const QString prefix = QStringLiteral("%1[%2].").arg(QLatin1String(name)).arg(i);
            if (!list[i].isObject()) {
                r.fail(prefix.chopped(1), Reader::tr("must be an object"));
                return;
            }
            Reader item(list[i].toObject(), prefix);
            readOne(item);
            if (!item.ok())
                r.adopt(item.error());
        }
    };
    each("categories", [&](Reader &item) {
        Category c;
        c.id = int(item.integer("id", 1, INT_MAX));
        c.code = item.text("code", true, ProtocolLimits::Code);
        c.name = item.text("name", true, ProtocolLimits::Name);
        if (const auto a = item.optionalInteger("default_agency_id", 1, INT_MAX))
            c.defaultAgencyId = int(*a);
        out.categories.append(c);
    });
    each("agencies", [&](Reader &item) {
        out.agencies.append({int(item.integer("id", 1, INT_MAX)),
                             item.text("code", true, ProtocolLimits::Code),
                             item.text("name", true, ProtocolLimits::Name)});
    });
    each("districts", [&](Reader &item) {
        out.districts.append(
            {int(item.integer("id", 1, INT_MAX)), item.text("name", true, ProtocolLimits::Name)});
    });
    each("refusal_grounds", [&](Reader &item) {
        RefusalGround g;
        g.code = item.text("code", true, ProtocolLimits::Code);
        g.title = item.text("title", true, ProtocolLimits::Name);
        g.templateText = item.text("template", true, ProtocolLimits::TemplateText);
        g.legalBasis = item.text("legal_basis", false, ProtocolLimits::LegalBasis);
        out.refusalGrounds.append(g);
    });
    if (object.contains(QStringLiteral("reject_reasons"))) { // absent before API 1.1
        each("reject_reasons", [&](Reader &item) {
            RejectReason reason;
            reason.code = item.text("code", true, ProtocolLimits::Code);
            reason.title = item.text("title", true, ProtocolLimits::Name);
            out.rejectReasons.append(reason);
        });
    }
    Reader rules(r.object("deadline_rules"), QStringLiteral("deadline_rules."));
    out.rules.answerDays = int(rules.integer("answer_days", 1, ProtocolLimits::MaxAnswerDays));
    out.rules.maxExtensionDays =
        int(rules.integer("max_extension_days", 0, ProtocolLimits::MaxExtensionDays));
    out.rules.maxExtensions =
        int(rules.integer("max_extensions", 0, ProtocolLimits::MaxExtensions));
    out.rules.minRefusalLength =
        int(rules.integer("min_refusal_length", 0, ProtocolLimits::MaxRefusalLength));
    out.rules.maxResolutionDays =
        int(rules.integer("max_resolution_days", 1, ProtocolLimits::MaxResolutionDays));
    out.timeZone = r.text("time_zone", false, ProtocolLimits::TimeZoneName);
    if (!out.timeZone.isEmpty() && !QTimeZone(out.timeZone.toUtf8()).isValid())
        r.fail(QStringLiteral("time_zone"), Reader::tr("is not a known time zone"));
    if (!rules.ok())
        r.adopt(rules.error());
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
