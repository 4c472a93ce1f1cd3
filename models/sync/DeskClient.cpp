#include "DeskClient.h"

#include "Connection.h"

#include "ApiJson.h"
#include "ImageInfo.h"
#include "LocalCache.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>

namespace rd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(rd::DeskClient)
};

} // namespace

DeskClient::DeskClient(QNetworkAccessManager *network, LocalCache &cache,
                       const Connection &connection, QObject *parent)
    : QObject(parent)
    , m_api(network)
    , m_cache(cache)
{
    m_api.use(connection);
    connect(&connection, &Connection::changed, this,
            [this, &connection] { m_api.use(connection); });
}

void DeskClient::fetchHistory(qint64 complaintId)
{
    if (!hasSession() || m_historyInFlight.contains(complaintId))
        return;
    m_historyInFlight.insert(complaintId);
    QNetworkReply *reply =
        m_api.get(QStringLiteral("/api/v1/complaints/%1/history").arg(complaintId));
    connect(reply, &QNetworkReply::finished, this, [this, reply, complaintId] {
        reply->deleteLater();
        m_historyInFlight.remove(complaintId);
        const QByteArray body = reply->readAll();
        const ApiError error = ApiClient::errorOf(reply, body);
        noteReach(error);
        if (error.isError()) {
            if (error.needsSignIn())
                Q_EMIT signInRequired(error.toUserText());
            Q_EMIT historyFailed(complaintId, error.toUserText());
            return;
        }
        // A body that is not the history (a proxy's page, a truncated
        // answer) must not replace the cached one with nothing.
        const QJsonDocument document = QJsonDocument::fromJson(body);
        const QJsonValue list = document.object().value(QStringLiteral("entries"));
        if (!document.isObject() || !list.isArray()) {
            Q_EMIT historyFailed(complaintId,
                                 Tr::tr("The server's history of complaint %1 cannot be read. "
                                        "The history shown may be incomplete.")
                                     .arg(complaintId));
            return;
        }
        const QJsonArray entries = list.toArray();
        QList<HistoryEntry> history;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const auto parsed =
                ApiJson::historyEntryFromJson(complaintId, entries.at(i).toObject());
            if (!parsed) {
                Q_EMIT historyFailed(complaintId,
                                     Tr::tr("The server's history of complaint %1 cannot be "
                                            "read (entries[%2].%3). The history shown may be "
                                            "incomplete.")
                                         .arg(complaintId)
                                         .arg(i)
                                         .arg(parsed.error.toString()));
                return;
            }
            history.append(*parsed.value);
        }
        try {
            m_cache.media().replaceHistory(complaintId, history);
        } catch (const std::exception &e) {
            Q_EMIT historyFailed(complaintId, QString::fromUtf8(e.what()));
            return;
        }
        Q_EMIT historyUpdated(complaintId);
    });
}

void DeskClient::noteReach(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Cancelled)
        return;
    const bool unreachable =
        error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout;
    Q_EMIT serverReached(!unreachable, unreachable ? error.toUserText() : QString());
}

void DeskClient::probe()
{
    if (!hasSession() || m_probing)
        return;
    m_probing = true;
    QNetworkReply *reply = m_api.get(QStringLiteral("/api/v1/session"));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_probing = false;
        const ApiError error = ApiClient::errorOf(reply, reply->readAll());
        noteReach(error);
        if (error.needsSignIn())
            Q_EMIT signInRequired(error.toUserText());
    });
}

Parsed<DeskClient::Evidence> DeskClient::checkEvidence(const QString &path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly))
        return failed<Evidence>(Tr::tr("%1 cannot be read: %2").arg(name, file.errorString()));
    if (file.size() > MaxEvidenceBytes)
        return failed<Evidence>(
            Tr::tr("%1 is %2 MB; a photo may be at most 5 MB. Make it smaller first.")
                .arg(name)
                .arg(double(file.size()) / (1024.0 * 1024.0), 0, 'f', 1));
    Evidence evidence;
    evidence.bytes = file.readAll();
    const ImageInfo info = inspectImage(evidence.bytes);
    if (!info.isImage())
        return failed<Evidence>(Tr::tr("%1 is not a JPEG or PNG photo.").arg(name));
    evidence.mimeType = info.mimeType;
    return succeeded(evidence);
}

void DeskClient::uploadEvidence(qint64 complaintId, const QString &path)
{
    const auto evidence = checkEvidence(path);
    if (!evidence) {
        Q_EMIT evidenceFailed(complaintId, path, evidence.error.toString());
        return;
    }
    const QByteArray &data = evidence.value->bytes;
    const QString &mime = evidence.value->mimeType;
    if (!hasSession()) {
        Q_EMIT evidenceFailed(complaintId, path,
                              Tr::tr("Photos are uploaded as you attach them; this needs the "
                                     "server. Attach them again when you are online."));
        return;
    }
    QNetworkReply *reply = m_api.post(
        QStringLiteral("/api/v1/complaints/%1/photos").arg(complaintId), data, {}, mime.toUtf8());
    connect(reply, &QNetworkReply::finished, this, [this, reply, complaintId, path] {
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        const ApiError error = ApiClient::errorOf(reply, body);
        noteReach(error);
        if (error.isError()) {
            if (error.needsSignIn())
                Q_EMIT signInRequired(error.toUserText());
            Q_EMIT evidenceFailed(complaintId, path, error.toUserText());
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        Photo photo;
        photo.id = object.value(QStringLiteral("id")).toString();
        photo.complaintId = complaintId;
        photo.mimeType = object.value(QStringLiteral("mime_type")).toString();
        photo.evidence = true;
        if (photo.id.isEmpty()) {
            Q_EMIT evidenceFailed(complaintId, path,
                                  Tr::tr("The server's answer to the upload cannot be read."));
            return;
        }
        Q_EMIT evidenceUploaded(complaintId, path, photo);
    });
}

} // namespace rd
