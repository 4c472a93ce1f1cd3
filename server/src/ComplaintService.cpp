#include "ComplaintService.h"

#include "ApiJson.h"
#include "ContentCoding.h"
#include "Passwords.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace rd::server {

ComplaintService::ComplaintService(ServerStore &store, const ServerConfig &config,
                                   const Clock &clock, Quotas &quotas)
    : m_store(store)
    , m_config(config)
    , m_clock(clock)
    , m_quotas(quotas)
{}

QDate ComplaintService::today() const
{
    return m_clock.now().toTimeZone(m_config.timeZone).date();
}

bool ComplaintService::canRead(const User &user, const Complaint &complaint) const
{
    return ActionRules::mayRead(user.actor(), complaint);
}

QJsonObject ComplaintService::complaintJson(const StoredComplaint &stored, const User &user) const
{
    return ApiJson::complaintToJson(stored.complaint, stored.photos, {seesPersonalData(user)});
}

std::optional<StoredComplaint> ComplaintService::readable(qint64 id, const User &user,
                                                          ApiResponse *failure)
{
    auto stored = m_store.complaint(id);
    if (!stored) {
        *failure = ApiResponse::error(404, QStringLiteral("not_found"),
                                      QStringLiteral("There is no complaint %1.").arg(id));
        return std::nullopt;
    }
    if (!canRead(user, stored->complaint)) {
        *failure = ApiResponse::error(
            403, QStringLiteral("forbidden"),
            QStringLiteral("Complaint %1 is not in your agency's scope.").arg(id));
        return std::nullopt;
    }
    return stored;
}

ApiResponse ComplaintService::complaint(qint64 id, const Session &session)
{
    ApiResponse failure;
    const auto stored = readable(id, session.user, &failure);
    if (!stored)
        return failure;
    return ApiResponse::json(200, complaintJson(*stored, session.user));
}

QList<HistoryEntry> ComplaintService::visibleHistory(QList<HistoryEntry> entries, const User &user)
{
    // The citizen's own entries name the citizen: to those who may not see
    // the author (docs/api.md), the actor is left out, as author is.
    static const QStringList citizenActions{QStringLiteral("file"), QStringLiteral("confirm"),
                                            QStringLiteral("contest")};
    const bool personal = seesPersonalData(user);
    // A redaction hides what the citizen wrote (often personal data): the
    // original, in the redaction and in the filing, is the moderators' only.
    const bool originals = user.role == Role::Moderator;
    const bool redacted = std::any_of(entries.cbegin(), entries.cend(), [](const HistoryEntry &e) {
        return e.action == QLatin1String("redact");
    });
    for (HistoryEntry &e : entries) {
        if (!personal && citizenActions.contains(e.action))
            e.actor.clear();
        if (!originals && e.action == QLatin1String("redact"))
            e.oldValue.clear();
        if (!originals && redacted && e.action == QLatin1String("file"))
            e.newValue.clear();
    }
    return entries;
}

ApiResponse ComplaintService::history(qint64 id, const Session &session)
{
    ApiResponse failure;
    const auto stored = readable(id, session.user, &failure);
    if (!stored)
        return failure;
    QJsonArray entries;
    for (const HistoryEntry &e : visibleHistory(m_store.history(id), session.user))
        entries.append(ApiJson::historyEntryToJson(e));
    return ApiResponse::json(
        200, {{QStringLiteral("complaint_id"), id}, {QStringLiteral("entries"), entries}});
}

ApiResponse ComplaintService::action(qint64 id, const ApiRequest &request, const Session &session)
{
    const QString key = QString::fromUtf8(request.header("idempotency-key"));
    static const QRegularExpression keyForm(QStringLiteral(R"(^[A-Za-z0-9._:-]{8,128}$)"));
    if (!keyForm.match(key).hasMatch())
        return ApiResponse::error(400, QStringLiteral("bad_idempotency_key"),
                                  QStringLiteral("Send an Idempotency-Key header of 8 to 128 "
                                                 "letters, digits or . _ : -"));
    ApiResponse failure;
    const auto body = parseJsonBody(request, m_config.maxJsonBytes, &failure);
    if (!body)
        return failure;
    const QByteArray requestHash = QCryptographicHash::hash(
        QByteArray::number(id) + ' ' + QJsonDocument(*body).toJson(QJsonDocument::Compact),
        QCryptographicHash::Sha256);

    ServerStore::WriteTransaction transaction(m_store);
    if (const auto stored = m_store.storedResponse(session.user.id, key)) {
        if (stored->requestHash != requestHash)
            return ApiResponse::error(422, QStringLiteral("idempotency_key_reused"),
                                      QStringLiteral("This Idempotency-Key was used for a "
                                                     "different request."));
        ApiResponse replay;
        replay.status = stored->status;
        replay.body = stored->body;
        replay.addHeader("Idempotent-Replay", "true");
        return replay;
    }
    ApiResponse response;
    if (const auto current = readable(id, session.user, &response))
        response = checkedAction(*current, *body, session.user);
    // Answers that change nothing (4xx) are remembered too: a retry with the
    // same key gets the same answer, as docs/api.md promises.
    if (response.status != 500) {
        m_store.storeResponse(session.user.id, key, {requestHash, response.status, response.body},
                              m_clock.now());
        transaction.commit();
    }
    return response;
}

ApiResponse ComplaintService::checkedAction(const StoredComplaint &current, const QJsonObject &body,
                                            const User &user)
{
    const QString actionName = body.value(QStringLiteral("action")).toString();
    const QJsonValue base = body.value(QStringLiteral("base_version"));
    const bool wholeBase =
        base.isDouble() && base.toDouble() >= 1 && base.toDouble() == std::floor(base.toDouble());
    if (actionName.isEmpty() || !wholeBase) {
        QJsonObject fields;
        if (actionName.isEmpty())
            fields.insert(QStringLiteral("action"), QStringLiteral("required text"));
        if (!wholeBase)
            fields.insert(QStringLiteral("base_version"),
                          QStringLiteral("required whole number ≥ 1"));
        return ApiResponse::error(422, QStringLiteral("invalid"),
                                  QStringLiteral("The action is incomplete."), fields);
    }
    if (qint64(base.toDouble()) != current.complaint.version) {
        QJsonObject conflict = ApiJson::errorBody(
            QStringLiteral("version_conflict"),
            QStringLiteral("The complaint changed since version %1; it is now version %2.")
                .arg(qint64(base.toDouble()))
                .arg(current.complaint.version));
        conflict.insert(QStringLiteral("current"), complaintJson(current, user));
        return ApiResponse::json(409, conflict);
    }
    return applyAction(current, actionName, body, user);
}

ApiResponse ComplaintService::uploadPhoto(qint64 id, const ApiRequest &request,
                                          const Session &session)
{
    const auto current = m_store.complaint(id);
    if (!current)
        return ApiResponse::error(404, QStringLiteral("not_found"),
                                  QStringLiteral("There is no complaint %1.").arg(id));
    if (!canRead(session.user, current->complaint) || session.user.role == Role::Moderator ||
        !session.user.agencyId)
        return ApiResponse::error(403, QStringLiteral("forbidden"),
                                  QStringLiteral("Only the responsible agency attaches evidence."));
    if (request.body.size() > m_config.maxPhotoBytes)
        return ApiResponse::error(
            413, QStringLiteral("too_large"),
            QStringLiteral("A photo may be at most %1 bytes.").arg(m_config.maxPhotoBytes));
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    if (type != "image/jpeg" && type != "image/png")
        return ApiResponse::error(
            415, QStringLiteral("unsupported_media_type"),
            QStringLiteral("Send a JPEG or PNG image with its Content-Type."));
    if (!m_config.photoDecoder)
        return ApiResponse::error(503, QStringLiteral("unavailable"),
                                  QStringLiteral("This server takes no uploads."));
    if (const auto full = m_quotas.uploadFull(session.user, m_clock.now()))
        return full->response(); // before the work of decoding
    // Stored and served is only what decodes: no trailing bytes, no metadata.
    const DecodedPhoto decoded =
        m_config.photoDecoder(request.body, QString::fromLatin1(type), m_config.maxPhotoPixels);
    if (decoded.status != 0)
        return ApiResponse::error(decoded.status,
                                  decoded.status == 413 ? QStringLiteral("too_large")
                                                        : QStringLiteral("unsupported_media_type"),
                                  decoded.error);
    Photo photo;
    photo.id =
        QStringLiteral("e%1-%2").arg(id).arg(QString::fromLatin1(Passwords::newToken().left(10)));
    photo.complaintId = id;
    photo.mimeType = decoded.mimeType;
    photo.width = decoded.width;
    photo.height = decoded.height;
    photo.bytes = decoded.data.size();
    photo.evidence = true;
    // The quota is checked and the upload counted in a transaction of its
    // own, before the file is written: two processes cannot both take the
    // quota's last bytes, and a refused upload writes nothing to disk. (A
    // write that fails after it keeps the count: the user loses that much.)
    {
        ServerStore::WriteTransaction transaction(m_store);
        if (const auto refused =
                m_quotas.admitUpload(session.user, photo.id, photo.bytes, m_clock.now()))
            return refused->response();
        transaction.commit();
    }
    m_store.addUploadedPhoto(photo, decoded.data, m_clock.now());
    return ApiResponse::json(201, {{QStringLiteral("id"), photo.id},
                                   {QStringLiteral("mime_type"), photo.mimeType},
                                   {QStringLiteral("width"), photo.width},
                                   {QStringLiteral("height"), photo.height},
                                   {QStringLiteral("bytes"), photo.bytes},
                                   {QStringLiteral("evidence"), true}});
}

ApiResponse ComplaintService::media(const QString &id, const ApiRequest &request,
                                    const Session &session)
{
    QString sha256;
    const auto photo = m_store.photo(id, &sha256);
    const auto owner = photo ? m_store.complaint(photo->complaintId) : std::nullopt;
    if (!photo || !owner)
        return ApiResponse::error(404, QStringLiteral("not_found"),
                                  QStringLiteral("There is no photo %1.").arg(id));
    if (!canRead(session.user, owner->complaint))
        return ApiResponse::error(403, QStringLiteral("forbidden"),
                                  QStringLiteral("This photo belongs to a complaint outside your "
                                                 "scope."));
    // An uploaded photo's ETag is the SHA-256 its file is named by: a
    // revalidation is answered without reading the file.
    const bool drawn = sha256.isEmpty();
    PhotoFiles::Read data;
    if (drawn)
        data = m_store.photoData(*photo, sha256);
    const QByteArray etag =
        '"' + (drawn ? PhotoFiles::sha256Of(data.data) : sha256).toLatin1() + '"';
    ApiResponse r;
    r.contentType = photo->mimeType.toLatin1();
    r.addHeader("ETag", etag);
    r.addHeader("Cache-Control", "private, max-age=604800, immutable");
    if (etagMatches(request.header("if-none-match"), etag)) {
        r.status = 304;
        r.contentType.clear();
        return r;
    }
    if (!drawn)
        data = m_store.photoData(*photo, sha256);
    if (!data.error.isEmpty())
        return ApiResponse::error(500, QStringLiteral("photo_unavailable"),
                                  QStringLiteral("Photo %1 cannot be read; the server's log says "
                                                 "why.")
                                      .arg(id));
    r.body = data.data;
    return r;
}

} // namespace rd::server
