#pragma once

#include "ApiClient.h"
#include "CacheRecords.h"
#include "Parsed.h"

#include <QObject>
#include <QSet>

class QNetworkAccessManager;

namespace rd {

class Connection;
class LocalCache;

// The desk's on-demand requests beside the sync: a complaint's history (kept
// in the cache, so it reads offline next time) and evidence photo uploads
// for a "solved" answer. Each request is independent; a failure says why in
// plain words and changes nothing in the cache.
class DeskClient final : public QObject
{
    Q_OBJECT

public:
    // Follows the connection (server, token, TLS) as it changes.
    DeskClient(QNetworkAccessManager *network, LocalCache &cache, const Connection &connection,
               QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(DeskClient)

    bool hasSession() const { return !m_api.token().isEmpty(); }

    void fetchHistory(qint64 complaintId);
    // Asks the server whether it is there (GET /api/v1/session: small, and
    // checks the session too); the answer comes as serverReached().
    void probe();

    static constexpr qint64 MaxEvidenceBytes = 5 * 1024 * 1024; // docs/api.md
    // Whether a file may be attached as evidence: a PNG or JPEG by its bytes,
    // at most MaxEvidenceBytes. Its bytes and type when it may; else the
    // reason.
    struct Evidence
    {
        QByteArray bytes;
        QString mimeType;
    };
    static Parsed<Evidence> checkEvidence(const QString &path);
    void uploadEvidence(qint64 complaintId, const QString &path);

Q_SIGNALS:
    void historyUpdated(qint64 complaintId);
    void historyFailed(qint64 complaintId, const QString &message);
    void evidenceUploaded(qint64 complaintId, const QString &path, const rd::Photo &photo);
    void evidenceFailed(qint64 complaintId, const QString &path, const QString &message);
    void signInRequired(const QString &message);
    // After every request: whether the server answered at all (any HTTP
    // answer), or could not be reached (message: why).
    void serverReached(bool reached, const QString &message);

private:
    void noteReach(const ApiError &error);

    ApiClient m_api;
    bool m_probing = false;
    LocalCache &m_cache;
    QSet<qint64> m_historyInFlight;
};

} // namespace rd
