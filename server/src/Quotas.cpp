#include "Quotas.h"

#include "ApiJson.h"
#include "SignInThrottle.h"

#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcQuotaAudit, "regiondesk.server.audit")

namespace rd::server {

namespace {

constexpr qint64 DaySecs = Quotas::UploadWindowSecs;
constexpr qint64 HourSecs = Quotas::ClientWindowSecs;

QString userSubject(const User &user)
{
    return QStringLiteral("user %1 (id %2)").arg(quotedForLog(user.login)).arg(user.id);
}

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / double(1 << 20), 'f', 1);
}

} // namespace

ApiResponse QuotaRefusal::response() const
{
    QJsonObject body = ApiJson::errorBody(code, message);
    QJsonObject error = body.value(QStringLiteral("error")).toObject();
    if (status == 429)
        error.insert(QStringLiteral("quota"), QLatin1String(Metrics::quotaName(quota)));
    body.insert(QStringLiteral("error"), error);
    ApiResponse r = ApiResponse::json(status, body);
    if (retryAfterSecs > 0)
        r.addHeader("Retry-After", QByteArray::number(retryAfterSecs));
    return r;
}

Quotas::Quotas(ServerStore &store, const ServerConfig &config, SharedState &shared)
    : m_store(store)
    , m_config(config.quotas)
    , m_shared(shared)
{}

QuotaRefusal Quotas::refuse(Metrics::Quota quota, const QString &subject, const QString &message,
                            const QDateTime &retryAt, const QDateTime &now)
{
    const qint64 seconds = std::max<qint64>(1, (now.msecsTo(retryAt) + 999) / 1000);
    const char *name = Metrics::quotaName(quota);
    m_shared.metrics().quotaRefused(quota);
    if (m_shared.shouldLogRefusal(QLatin1String(name) + QLatin1Char(' ') + subject, now))
        qCWarning(lcQuotaAudit).noquote()
            << "quota" << name << "exceeded, retry after" << seconds
            << "s (further refusals within a minute not logged):" << subject;
    return {429, QStringLiteral("quota_exceeded"), quota,
            QStringLiteral("%1 Try again in %2 s.").arg(message).arg(seconds), seconds};
}

std::optional<QuotaRefusal> Quotas::checkUploads(const User &user, qint64 bytes,
                                                 const QDateTime &now)
{
    const QDateTime since = now.addSecs(-DaySecs);
    if (const qint64 limit = m_config.uploadBytesPerDay; limit > 0) {
        if (bytes > limit)
            return QuotaRefusal{413, QStringLiteral("too_large"), Metrics::Quota::UploadBytes,
                                QStringLiteral("This photo (%1 bytes as stored) is larger than "
                                               "the %2 bytes a user may upload in a day.")
                                    .arg(bytes)
                                    .arg(limit),
                                0};
        const qint64 used = m_store.uploadedBytes(user.id, since);
        const qint64 excess = used + std::max<qint64>(bytes, 1) - limit;
        if (excess > 0) {
            const QDateTime reached =
                m_store.uploadedBytesReach(user.id, since, excess).value_or(now);
            return refuse(Metrics::Quota::UploadBytes, userSubject(user),
                          QStringLiteral("You uploaded %1 MiB of photos in the last 24 hours; "
                                         "the quota is %2 MiB.")
                              .arg(mib(used), mib(limit)),
                          reached.addSecs(DaySecs), now);
        }
    }
    if (const int cap = m_config.unattachedUploads; cap > 0) {
        const QList<QDateTime> unattached = m_store.unattachedUploads(user.id, since, cap);
        if (unattached.size() >= cap)
            return refuse(Metrics::Quota::UnattachedUploads, userSubject(user),
                          QStringLiteral("You have %1 photos uploaded in the last 24 hours that "
                                         "no answer names yet; name them in an answer first.")
                              .arg(cap),
                          unattached.first().addSecs(DaySecs), now);
    }
    return std::nullopt;
}

std::optional<QuotaRefusal> Quotas::uploadFull(const User &user, const QDateTime &now)
{
    return checkUploads(user, 0, now);
}

std::optional<QuotaRefusal> Quotas::admitUpload(const User &user, const QString &photoId,
                                                qint64 bytes, const QDateTime &now)
{
    if (auto refused = checkUploads(user, bytes, now))
        return refused;
    m_store.recordUpload({photoId, user.id, bytes, now}, now.addSecs(-DaySecs));
    return std::nullopt;
}

std::optional<QuotaRefusal> Quotas::admitClientEvent(ClientEvent kind, const QString &client,
                                                     const QDateTime &now)
{
    const bool vote = kind == ClientEvent::Vote;
    const int cap = vote ? m_config.votesPerHour : m_config.filingsPerHour;
    if (cap <= 0)
        return std::nullopt;
    const QString name = vote ? QStringLiteral("vote") : QStringLiteral("filing");
    const QDateTime since = now.addSecs(-HourSecs);
    const QList<QDateTime> recent = m_store.clientEvents(name, client, since, cap);
    if (recent.size() >= cap)
        return refuse(
            vote ? Metrics::Quota::Votes : Metrics::Quota::Filings,
            QStringLiteral("client %1").arg(client),
            vote ? QStringLiteral("At most %1 votes an hour are taken from one client.").arg(cap)
                 : QStringLiteral("At most %1 complaints an hour are filed from one "
                                  "client.")
                       .arg(cap),
            recent.first().addSecs(HourSecs), now);
    m_store.recordClientEvent(name, client, now, since);
    return std::nullopt;
}

void Quotas::forgetOld(ServerStore &store, const QDateTime &now)
{
    store.forgetQuotaCounts(now.addSecs(-HourSecs), now.addSecs(-DaySecs));
}

} // namespace rd::server
