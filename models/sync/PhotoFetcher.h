#pragma once

#include "ApiClient.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

class QNetworkAccessManager;
class QNetworkReply;

namespace rd {

class Connection;
class PhotoCache;

// Photos on demand: from the PhotoCache when seen before (offline too),
// otherwise fetched (GET /api/v1/media/{id}, a few at a time) and kept.
// "Make available offline" fetches every photo of a queue, with progress,
// cancellable, and stops when the cache's cap would push out what it just
// fetched.
class PhotoFetcher final : public QObject
{
    Q_OBJECT

public:
    // Follows the connection (server, token, TLS) as it changes.
    PhotoFetcher(QNetworkAccessManager *network, PhotoCache &cache, const Connection &connection,
                 QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(PhotoFetcher)

    // photoReady or photoFailed follows (at once if cached).
    void fetch(const QString &photoId);
    void makeAvailableOffline(const QStringList &photoIds);
    void cancelOffline();
    bool isMakingAvailableOffline() const { return m_offlineTotal > 0; }

Q_SIGNALS:
    void photoReady(const QString &photoId, const QByteArray &data, const QString &mimeType);
    void photoFailed(const QString &photoId, const QString &message);
    void offlineProgress(int done, int total);
    // message is empty when every photo was fetched.
    void offlineFinished(int fetched, const QString &message);

private:
    void pump();
    void onFinished(QNetworkReply *reply, const QString &photoId);
    void offlineStep(qint64 storedBytes); // -1: not stored

    ApiClient m_api;
    PhotoCache &m_cache;
    QStringList m_queue; // waiting, in order
    QSet<QString> m_inFlight;
    QSet<QString> m_offlineIds; // of the running "available offline" job
    int m_offlineTotal = 0;
    int m_offlineDone = 0;
    int m_offlineFetched = 0;
    qint64 m_offlineBytes = 0;
    QString m_offlineProblem;
    static constexpr int MaxInFlight = 4;
};

} // namespace rd
