#include "PhotoFetcher.h"

#include "Connection.h"

#include "ImageInfo.h"
#include "PhotoCache.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QTimer>

namespace rd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(rd::PhotoFetcher)
};

} // namespace

PhotoFetcher::PhotoFetcher(QNetworkAccessManager *network, PhotoCache &cache,
                           const Connection &connection, QObject *parent)
    : QObject(parent)
    , m_api(network)
    , m_cache(cache)
{
    m_api.setTransferTimeout(30'000);
    m_api.use(connection);
    connect(&connection, &Connection::changed, this,
            [this, &connection] { m_api.use(connection); });
}

void PhotoFetcher::fetch(const QString &photoId)
{
    if (auto entry = m_cache.get(photoId)) {
        QTimer::singleShot(0, this, [this, photoId, entry = *entry] {
            Q_EMIT photoReady(photoId, entry.data, entry.mimeType);
        });
        return;
    }
    if (!m_inFlight.contains(photoId) && !m_queue.contains(photoId))
        m_queue.prepend(photoId); // what the user looks at goes first
    pump();
}

void PhotoFetcher::makeAvailableOffline(const QStringList &photoIds)
{
    cancelOffline();
    m_offlineProblem.clear();
    m_offlineDone = 0;
    m_offlineFetched = 0;
    m_offlineBytes = 0;
    for (const QString &id : photoIds) {
        if (m_cache.contains(id) || m_offlineIds.contains(id))
            continue;
        m_offlineIds.insert(id);
        m_queue.append(id);
    }
    m_offlineTotal = int(m_offlineIds.size());
    if (m_offlineTotal == 0) {
        QTimer::singleShot(0, this, [this] { Q_EMIT offlineFinished(0, {}); });
        return;
    }
    Q_EMIT offlineProgress(0, m_offlineTotal);
    pump();
}

void PhotoFetcher::cancelOffline()
{
    if (m_offlineTotal == 0)
        return;
    for (const QString &id : std::as_const(m_offlineIds))
        m_queue.removeAll(id);
    m_offlineIds.clear();
    const int fetched = m_offlineFetched;
    m_offlineTotal = 0;
    Q_EMIT offlineFinished(fetched, Tr::tr("Cancelled."));
}

void PhotoFetcher::pump()
{
    while (m_inFlight.size() < MaxInFlight && !m_queue.isEmpty()) {
        const QString id = m_queue.takeFirst();
        m_inFlight.insert(id);
        QNetworkReply *reply = m_api.get(QStringLiteral("/api/v1/media/") +
                                         QString::fromLatin1(QUrl::toPercentEncoding(id)));
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, id] { onFinished(reply, id); });
    }
}

void PhotoFetcher::onFinished(QNetworkReply *reply, const QString &photoId)
{
    reply->deleteLater();
    m_inFlight.remove(photoId);
    const QByteArray body = reply->readAll();
    const ApiError error = ApiClient::errorOf(reply, body);
    bool stored = false;
    if (error.isError()) {
        Q_EMIT photoFailed(photoId, error.toUserText());
    } else {
        const QString type = inspectImage(body).mimeType;
        if (type.isEmpty()) {
            Q_EMIT photoFailed(photoId, Tr::tr("The server sent something that is not a JPEG or "
                                               "PNG image for photo %1.")
                                            .arg(photoId));
        } else {
            stored = m_cache.put(photoId, type, body);
            Q_EMIT photoReady(photoId, body, type);
        }
    }
    if (m_offlineIds.remove(photoId)) {
        if (error.isError() && m_offlineProblem.isEmpty())
            m_offlineProblem = error.toUserText();
        offlineStep(stored ? body.size() : -1);
    }
    pump();
}

void PhotoFetcher::offlineStep(qint64 storedBytes)
{
    ++m_offlineDone;
    if (storedBytes >= 0) {
        ++m_offlineFetched;
        m_offlineBytes += storedBytes;
    }
    Q_EMIT offlineProgress(m_offlineDone, m_offlineTotal);
    // Once another photo of this size would not fit beside those this job
    // fetched, going on would only push out what it has just fetched.
    const qint64 average = m_offlineFetched > 0 ? m_offlineBytes / m_offlineFetched : 0;
    if (m_offlineBytes + average > m_cache.cap() && !m_offlineIds.isEmpty()) {
        m_offlineProblem = Tr::tr("The photo cache is full (%1 MB); %2 photo(s) were not made "
                                  "available offline. Raise the limit in the settings.")
                               .arg(m_cache.cap() / (1024LL * 1024))
                               .arg(m_offlineIds.size());
        for (const QString &id : std::as_const(m_offlineIds))
            m_queue.removeAll(id);
        m_offlineIds.clear();
    }
    if (m_offlineIds.isEmpty() && m_offlineTotal > 0) {
        m_offlineTotal = 0;
        Q_EMIT offlineFinished(m_offlineFetched, m_offlineProblem);
    }
}

} // namespace rd
