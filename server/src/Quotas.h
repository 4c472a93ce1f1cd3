#pragma once

#include "ApiTypes.h"
#include "ServerConfig.h"
#include "ServerStore.h"
#include "SharedState.h"

#include <optional>

namespace rd::server {

// A request a quota refused: the 429 (413 for a photo larger than a day's
// quota), which quota, what to tell the client, and in how many seconds
// the request would fit (Retry-After; 0 with 413).
struct QuotaRefusal
{
    int status = 429;
    QString code; // quota_exceeded, too_large
    Metrics::Quota quota = Metrics::Quota::UploadBytes;
    QString message;
    qint64 retryAfterSecs = 0;

    // The answer in the API's error shape (docs/api.md "Errors"), with
    // "quota" in the error object and the Retry-After header.
    ApiResponse response() const;
};

// The quotas of QuotaConfig (docs/deployment.md, "Quotas"; docs/api.md,
// 429 quota_exceeded): photo uploads per user (bytes in any 24 hours,
// uploads no answer names yet), votes and Open311 filings per client
// (address key) in any hour. Counted in the store, so they hold across
// processes: the admit… calls must run inside the write transaction that
// then does what they admitted (a refusal leaves the transaction to roll
// back). A refusal says when enough of the window will have passed for the
// request to fit; it is counted in the metrics and written to the audit
// log (category regiondesk.server.audit, once a minute per quota and
// subject).
class Quotas final
{
public:
    Quotas(ServerStore &store, const ServerConfig &config, SharedState &shared);
    Q_DISABLE_COPY_MOVE(Quotas)

    // Before an upload is decoded (no transaction needed): the refusal if
    // the user is at a quota already, whatever the photo's size.
    std::optional<QuotaRefusal> uploadFull(const User &user, const QDateTime &now);
    // In the upload's write transaction: the refusal if bytes more do not
    // fit; else the upload is recorded (as unattached).
    std::optional<QuotaRefusal> admitUpload(const User &user, const QString &photoId, qint64 bytes,
                                            const QDateTime &now);

    enum class ClientEvent
    {
        Vote,
        Filing
    };
    // In the write transaction: the refusal if the client is at its cap;
    // else the event is recorded.
    std::optional<QuotaRefusal> admitClientEvent(ClientEvent kind, const QString &client,
                                                 const QDateTime &now);

    // Housekeeping (hourly, and the prune test hook): forgets the counts
    // that have left their windows, client addresses included.
    static void forgetOld(ServerStore &store, const QDateTime &now);

    static constexpr qint64 UploadWindowSecs = 24 * 3600;
    static constexpr qint64 ClientWindowSecs = 3600;

private:
    std::optional<QuotaRefusal> checkUploads(const User &user, qint64 bytes, const QDateTime &now);
    QuotaRefusal refuse(Metrics::Quota quota, const QString &subject, const QString &message,
                        const QDateTime &retryAt, const QDateTime &now);

    ServerStore &m_store;
    const QuotaConfig &m_config;
    SharedState &m_shared;
};

} // namespace rd::server
