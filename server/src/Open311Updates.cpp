// The servicerequestupdates extension (mySociety's, used by FixMyStreet
// and others; docs/api.md "Open311"): the history of published complaints
// as updates, and a citizen's update on a solved one as civic control
// (CLOSED confirms the fix, OPEN contests it).

#include "Open311Service.h"

#include "ApiJson.h"

namespace rd::server {

namespace {

constexpr int MaxDays = 90;
constexpr int MaxPageSize = 1000;
constexpr int CommentLimit = 2000; // as the citizen endpoints

struct UpdateAction
{
    const char *action;
    bool closed; // the request's status after it
};

// The history entries that are updates; others (filing, moderation,
// redaction, internal notes) are not public.
constexpr UpdateAction UpdateActions[] = {
    {"publish", false}, {"reroute", false}, {"set_deadline", false}, {"extend_deadline", false},
    {"solve", true},    {"refuse", true},   {"confirm", true},       {"contest", false},
};

const UpdateAction *updateAction(const QString &action)
{
    for (const UpdateAction &a : UpdateActions)
        if (action == QLatin1String(a.action))
            return &a;
    return nullptr;
}

QString updateId(const HistoryEntry &e)
{
    return QStringLiteral("%1-%2").arg(e.complaintId).arg(e.seq);
}

std::optional<QDateTime> parseDate(QString text)
{
    return ApiJson::parseTime(text.trimmed().replace(QLatin1Char(' '), QLatin1Char('+')));
}

} // namespace

ApiResponse Open311Service::updates(const Open311Params &params, const QDateTime &now,
                                    Open311Format format)
{
    const QString startText = params.value("start_date");
    const QString endText = params.value("end_date");
    auto start = startText.isEmpty() ? std::nullopt : parseDate(startText);
    auto end = endText.isEmpty() ? std::nullopt : parseDate(endText);
    if ((!startText.isEmpty() && !start) || (!endText.isEmpty() && !end))
        return open311Error(400,
                            QStringLiteral("start_date and end_date must be W3C date-times with "
                                           "an offset"),
                            format);
    if (start && end && (*end < *start || start->addDays(MaxDays) < *end))
        return open311Error(
            400, QStringLiteral("end_date must be after start_date, at most 90 days"), format);
    if (!start)
        start = (end ? *end : now).addDays(-MaxDays);
    if (!end)
        end = std::min(start->addDays(MaxDays), std::max(now, *start));
    bool pageOk = true;
    bool sizeOk = true;
    const int page = params.has("page") ? params.value("page").toInt(&pageOk) : 1;
    const int pageSize =
        params.has("page_size") ? params.value("page_size").toInt(&sizeOk) : MaxPageSize;
    if (!pageOk || !sizeOk || page < 1 || page > 100 || pageSize < 1 || pageSize > MaxPageSize)
        return open311Error(400, QStringLiteral("page is 1 to 100, page_size 1 to 1000"), format);

    QStringList actions;
    for (const UpdateAction &a : UpdateActions)
        actions.append(QLatin1String(a.action));
    Open311Node list = Open311Node::list(QStringLiteral("request_update"));
    for (const HistoryEntry &e :
         m_store.open311History(actions, *start, *end, pageSize, (page - 1) * pageSize)) {
        const UpdateAction *a = updateAction(e.action);
        QString text = e.comment;
        QString media;
        if (e.action == QLatin1String("publish") || e.action == QLatin1String("reroute")) {
            const QString agency = agencyName(e.newValue.toInt());
            text = e.action == QLatin1String("publish")
                       ? QStringLiteral("Опубликовано и направлено: %1").arg(agency)
                       : QStringLiteral("Передано: %1").arg(agency);
        } else if (e.action == QLatin1String("extend_deadline")) {
            text = QStringLiteral("Срок продлён до %1. %2").arg(e.newValue, e.comment).trimmed();
        } else if (e.action == QLatin1String("confirm")) {
            text = QStringLiteral("Заявитель подтвердил решение.");
        } else if (e.action == QLatin1String("contest")) {
            text = QStringLiteral("Заявитель оспорил решение.");
        } else if (e.action == QLatin1String("solve") && !e.newValue.isEmpty()) {
            media = link(QStringLiteral("/open311/v2/media/") +
                         e.newValue.section(QLatin1Char(','), 0, 0));
        }
        list.append(Open311Node::object()
                        .add(QStringLiteral("update_id"), updateId(e))
                        .add(QStringLiteral("service_request_id"), QString::number(e.complaintId))
                        .add(QStringLiteral("status"),
                             a && a->closed ? QStringLiteral("CLOSED") : QStringLiteral("OPEN"))
                        .add(QStringLiteral("updated_datetime"), ApiJson::formatTime(e.at))
                        .add(QStringLiteral("description"), text)
                        .add(QStringLiteral("media_url"),
                             media.isEmpty() ? Open311Node() : Open311Node::text(media)));
    }
    return open311Answer(200, list, QStringLiteral("service_request_updates"), format);
}

ApiResponse Open311Service::postUpdate(const ApiRequest &request, const QDateTime &now,
                                       Open311Format format)
{
    if (request.body.size() > m_config.maxJsonBytes)
        return open311Error(413, QStringLiteral("request too large"), format);
    if (request.header("content-type").split(';').first().trimmed().toLower() !=
        "application/x-www-form-urlencoded")
        return open311Error(400, QStringLiteral("send application/x-www-form-urlencoded"), format);
    Open311Params form = Open311Params::fromForm(request.body);
    form.fallBackTo(Open311Params(request.query));
    if (!apiKeyMatches(form))
        return open311Error(403, QStringLiteral("api_key is missing or wrong"), format);
    bool ok = false;
    const qint64 id = form.value("service_request_id").trimmed().toLongLong(&ok);
    if (!ok || id < 1)
        return open311Error(400, QStringLiteral("service_request_id is required"), format);
    const QString status = form.value("status").trimmed().toUpper();
    if (status != QLatin1String("OPEN") && status != QLatin1String("CLOSED"))
        return open311Error(400, QStringLiteral("status is OPEN or CLOSED"), format);
    const QString comment = form.value("description").trimmed();
    if (comment.size() > CommentLimit)
        return open311Error(400, QStringLiteral("description is at most 2000 characters"), format);

    ServerStore::WriteTransaction transaction(m_store);
    const auto current = m_store.complaint(id);
    if (!current || !isOpen311Public(current->complaint))
        return open311Error(404, QStringLiteral("No request %1").arg(id), format);
    Complaint c = current->complaint;
    const bool confirm = status == QLatin1String("CLOSED");
    const ComplaintState target = confirm ? ComplaintState::Confirmed : ComplaintState::Contested;
    const QString action = confirm ? QStringLiteral("confirm") : QStringLiteral("contest");
    const auto answer = [&](const HistoryEntry &e) {
        Open311Node list = Open311Node::list(QStringLiteral("request_update"));
        list.append(Open311Node::object().add(QStringLiteral("update_id"), updateId(e)));
        return open311Answer(200, list, QStringLiteral("service_request_updates"), format);
    };
    // The same update sent again (a client retrying) gets the first answer.
    if (const auto last = m_store.lastHistoryEntry(id);
        c.state == target && last && last->action == action)
        return answer(*last);
    if (c.state != ComplaintState::Solved)
        return open311Error(400,
                            QStringLiteral("only a solved request takes updates: CLOSED confirms "
                                           "the fix, OPEN contests it"),
                            format);
    c.state = target;
    c.citizenFeedback = comment;
    c.updatedAt = now;
    m_store.write(c, current->photos);
    m_store.appendHistory(id, now, c.authorName, action, {}, {}, c.citizenFeedback);
    const auto entry = m_store.lastHistoryEntry(id);
    transaction.commit();
    return answer(*entry);
}

} // namespace rd::server
