// Open311 requests (docs/api.md "Open311"): one, a list by ids, or the
// published ones in a window with the pagination extension; a complaint
// in full once it went through publish, else reduced to what needs no
// moderator (its number, service, times and where it stands).

#include "Open311Service.h"

#include "ApiJson.h"

#include <QSet>

#include <algorithm>

namespace rd::server {

namespace {

constexpr int MaxDays = 90;           // the specification's default span
constexpr int MaxPageSize = 1000;     // and its default count
constexpr int MaxIds = 1000;          // ids in one service_request_id list
constexpr qint64 MaxOffset = 100'000; // page × page_size, so no page costs a long scan
constexpr int DescriptionLimit = 4000;

Open311Node orNull(const QString &text)
{
    return text.isEmpty() ? Open311Node() : Open311Node::text(text);
}

// A W3C date-time with an offset. An unencoded '+' of an offset arrives as
// a space (form encoding); a date has no space, so it is read back as '+'.
std::optional<QDateTime> parseDate(QString text)
{
    return ApiJson::parseTime(text.trimmed().replace(QLatin1Char(' '), QLatin1Char('+')));
}

struct Window
{
    QDateTime from;
    QDateTime to;
    QString error;
};

// start_date and end_date as the specification reads: at most 90 days
// apart; one alone means the 90 days from it or before it; none, the last
// 90 days.
Window window(const Open311Params &params, const QDateTime &now)
{
    const QString startText = params.value("start_date");
    const QString endText = params.value("end_date");
    const auto start = startText.isEmpty() ? std::nullopt : parseDate(startText);
    const auto end = endText.isEmpty() ? std::nullopt : parseDate(endText);
    if ((!startText.isEmpty() && !start) || (!endText.isEmpty() && !end))
        return {{},
                {},
                QStringLiteral("start_date and end_date must be W3C date-times with an "
                               "offset, e.g. 2026-11-01T00:00:00Z")};
    if (start && end) {
        if (*end < *start)
            return {{}, {}, QStringLiteral("end_date is before start_date")};
        if (start->addDays(MaxDays) < *end)
            return {{}, {}, QStringLiteral("at most 90 days between start_date and end_date")};
        return {*start, *end, {}};
    }
    if (start)
        return {*start, start->addDays(MaxDays), {}};
    if (end)
        return {end->addDays(-MaxDays), *end, {}};
    return {now.addDays(-MaxDays), now, {}};
}

// A whole number in [min, max], or nullopt.
std::optional<int> boundedInt(const QString &text, int min, int max)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

} // namespace

Open311Node
Open311Service::requestNode(const StoredComplaint &stored,
                            const std::optional<ServerStore::Open311Filing> &filing) const
{
    const Complaint &c = stored.complaint;
    if (!isOpen311Public(c))
        return reducedRequestNode(c);
    const Category *category = this->category(c.categoryId);
    Open311Node expected;
    if (c.answerKind == AnswerKind::Deadline && c.answerDeadline.isValid())
        expected = Open311Node::text(
            ApiJson::formatTime(QDateTime(c.answerDeadline, QTime(23, 59, 59), m_config.timeZone)));
    QString media;
    for (const Photo &p : stored.photos) {
        if (!p.evidence) {
            media = link(QStringLiteral("/open311/v2/media/") + p.id);
            break;
        }
    }
    // A link the client posted is public once published, and only while
    // the published text still shows it (it was added to the text for the
    // moderator, who may take it out).
    if (media.isEmpty() && filing && !filing->mediaUrl.isEmpty() &&
        c.text.contains(filing->mediaUrl))
        media = filing->mediaUrl;
    QString description = c.text;
    if (description.size() > DescriptionLimit)
        description = description.left(DescriptionLimit - 1) + QChar(0x2026);
    const bool located = !filing || filing->locationGiven;
    return Open311Node::object()
        .add(QStringLiteral("service_request_id"), QString::number(c.id))
        .add(QStringLiteral("status"),
             isOpen(c.state) ? QStringLiteral("open") : QStringLiteral("closed"))
        .add(QStringLiteral("status_notes"), orNull(c.answerText))
        .add(QStringLiteral("service_name"), category ? category->name : QString())
        .add(QStringLiteral("service_code"), category ? category->code : QString())
        .add(QStringLiteral("description"), description)
        .add(QStringLiteral("agency_responsible"), orNull(agencyName(c.agencyId)))
        .add(QStringLiteral("service_notice"), Open311Node())
        .add(QStringLiteral("requested_datetime"), ApiJson::formatTime(c.createdAt))
        .add(QStringLiteral("updated_datetime"), ApiJson::formatTime(c.updatedAt))
        .add(QStringLiteral("expected_datetime"), expected)
        .add(QStringLiteral("address"), c.address)
        .add(QStringLiteral("address_id"), orNull(filing ? filing->addressId : QString()))
        .add(QStringLiteral("zipcode"), Open311Node())
        .add(QStringLiteral("lat"), located ? Open311Node::number(c.latitude) : Open311Node())
        .add(QStringLiteral("long"), located ? Open311Node::number(c.longitude) : Open311Node())
        .add(QStringLiteral("media_url"), orNull(media));
}

// Not public: awaiting moderation (open), or closed by moderation as a
// duplicate or rejected. Nothing a moderator has not released: no text,
// place, photo, author, nor the rejection's reason.
Open311Node Open311Service::reducedRequestNode(const Complaint &c) const
{
    const Category *category = this->category(c.categoryId);
    QString notes;
    QString notice;
    if (c.state == ComplaintState::Duplicate && c.duplicateOf) {
        notes = QStringLiteral("Дубликат обращения %1").arg(*c.duplicateOf);
    } else if (c.state == ComplaintState::Rejected) {
        notes = QStringLiteral("Отклонено модератором");
    } else {
        notes = QStringLiteral("Ожидает модерации");
        notice = QStringLiteral("Обращение принято; текст, адрес и фото будут опубликованы "
                                "после проверки модератором.");
    }
    return Open311Node::object()
        .add(QStringLiteral("service_request_id"), QString::number(c.id))
        .add(QStringLiteral("status"), c.state == ComplaintState::Moderation
                                           ? QStringLiteral("open")
                                           : QStringLiteral("closed"))
        .add(QStringLiteral("status_notes"), notes)
        .add(QStringLiteral("service_name"), category ? category->name : QString())
        .add(QStringLiteral("service_code"), category ? category->code : QString())
        .add(QStringLiteral("description"), Open311Node())
        .add(QStringLiteral("agency_responsible"), Open311Node())
        .add(QStringLiteral("service_notice"), orNull(notice))
        .add(QStringLiteral("requested_datetime"), ApiJson::formatTime(c.createdAt))
        .add(QStringLiteral("updated_datetime"), ApiJson::formatTime(c.updatedAt))
        .add(QStringLiteral("expected_datetime"), Open311Node())
        .add(QStringLiteral("address"), Open311Node())
        .add(QStringLiteral("address_id"), Open311Node())
        .add(QStringLiteral("zipcode"), Open311Node())
        .add(QStringLiteral("lat"), Open311Node())
        .add(QStringLiteral("long"), Open311Node())
        .add(QStringLiteral("media_url"), Open311Node());
}

ApiResponse Open311Service::requestList(const QList<StoredComplaint> &complaints,
                                        Open311Format format)
{
    QList<qint64> ids;
    for (const StoredComplaint &s : complaints)
        ids.append(s.complaint.id);
    const auto filings = m_store.open311Filings(ids);
    Open311Node list = Open311Node::list(QStringLiteral("request"));
    for (const StoredComplaint &s : complaints) {
        const auto filing = filings.constFind(s.complaint.id);
        list.append(requestNode(s, filing == filings.constEnd()
                                       ? std::nullopt
                                       : std::optional<ServerStore::Open311Filing>(*filing)));
    }
    return open311Answer(200, list, QStringLiteral("service_requests"), format);
}

ApiResponse Open311Service::oneRequest(qint64 id, Open311Format format)
{
    const auto stored = m_store.complaint(id);
    if (!stored)
        return open311Error(404, QStringLiteral("No request %1").arg(id), format);
    return requestList({*stored}, format);
}

ApiResponse Open311Service::requests(const Open311Params &params, const QDateTime &now,
                                     Open311Format format)
{
    // service_request_id overrides every other parameter.
    if (const QString idList = params.value("service_request_id"); !idList.trimmed().isEmpty()) {
        QList<qint64> ids;
        for (const QString &part : idList.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 id = part.trimmed().toLongLong(&ok);
            if (!ok || id < 1)
                return open311Error(
                    400,
                    QStringLiteral("service_request_id must be a comma-separated list of "
                                   "request ids"),
                    format);
            if (!ids.contains(id))
                ids.append(id);
        }
        if (ids.size() > MaxIds)
            return open311Error(400, QStringLiteral("at most 1000 service_request_id"), format);
        QList<StoredComplaint> found = m_store.complaintsByIds(ids);
        std::sort(found.begin(), found.end(), [&](const auto &a, const auto &b) {
            return ids.indexOf(a.complaint.id) < ids.indexOf(b.complaint.id);
        });
        return requestList(found, format);
    }
    const Window w = window(params, now);
    if (!w.error.isEmpty())
        return open311Error(400, w.error, format);
    QSet<QString> statuses;
    for (const QString &s : params.value("status").split(QLatin1Char(','), Qt::SkipEmptyParts))
        statuses.insert(s.trimmed().toLower());
    statuses.remove(QString());
    if (!(statuses - QSet<QString>{QStringLiteral("open"), QStringLiteral("closed")}).isEmpty())
        return open311Error(400, QStringLiteral("status is open, closed or open,closed"), format);
    ServerStore::Open311Query query;
    for (const QString &code : params.value("service_code").split(QLatin1Char(','))) {
        if (code.trimmed().isEmpty())
            continue;
        const Category *c = categoryByCode(code.trimmed());
        if (!c)
            return open311Error(404, QStringLiteral("No service %1").arg(code.trimmed()), format);
        query.categories.append(c->id);
    }
    for (ComplaintState state : allComplaintStates()) {
        const QString status = isOpen(state) ? QStringLiteral("open") : QStringLiteral("closed");
        if (statuses.isEmpty() || statuses.contains(status))
            query.states.append(state);
    }
    const auto page = params.has("page") ? boundedInt(params.value("page"), 1, INT_MAX / 2) : 1;
    const auto pageSize = params.has("page_size")
                              ? boundedInt(params.value("page_size"), 1, MaxPageSize)
                              : MaxPageSize;
    if (!page || !pageSize)
        return open311Error(400, QStringLiteral("page is 1 or more, page_size 1 to 1000"), format);
    if (qint64(*page - 1) * *pageSize > MaxOffset)
        return open311Error(400, QStringLiteral("page too far: narrow the dates instead"), format);
    query.filedFrom = w.from;
    query.filedTo = w.to;
    query.limit = *pageSize;
    query.offset = (*page - 1) * *pageSize;
    return requestList(m_store.open311Requests(query), format);
}

} // namespace rd::server
