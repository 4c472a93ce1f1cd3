#include "ApiService.h"

#include "ApiJson.h"
#include "ImageInfo.h"
#include "Passwords.h"
#include "PngWriter.h"
#include "sqlite/Database.h"
#include "sqlite/SqliteError.h"
#include "sqlite/Transaction.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcApi, "regiondesk.server.api")

namespace rd::server {

namespace {

const QRegularExpression &idPath()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^/api/v1/complaints/(\d{1,15})(/history|/actions|/photos)?$)"));
    return re;
}

} // namespace

ApiService::ApiService(ServerStore &store, ServerConfig config)
    : m_store(store)
    , m_config(std::move(config))
{
    // The catalogue tells clients the calendar the deadline rules count in.
    const QString zone = QString::fromUtf8(m_config.timeZone.id());
    if (m_store.catalogue().timeZone != zone) {
        Catalogue catalogue = m_store.catalogue();
        catalogue.timeZone = zone;
        m_store.setCatalogue(catalogue);
    }
}

QDateTime ApiService::now() const
{
    return m_clock.now();
}

QDate ApiService::today() const
{
    return now().toTimeZone(m_config.timeZone).date();
}

FaultPlan ApiService::takeFault(const QString &path)
{
    return m_testHooks.takeFault(path);
}

ApiResponse ApiService::handle(const ApiRequest &request)
{
    try {
        return route(request);
    } catch (const sqlite::Error &error) {
        qCWarning(lcApi) << "database error:" << error.message();
        return ApiResponse::error(500, QStringLiteral("internal"),
                                  QStringLiteral("The server could not complete the request."));
    } catch (const std::exception &error) {
        qCWarning(lcApi) << "error:" << error.what();
        return ApiResponse::error(500, QStringLiteral("internal"),
                                  QStringLiteral("The server could not complete the request."));
    }
}

ApiResponse ApiService::route(const ApiRequest &request)
{
    const QString &path = request.path;
    const QByteArray &method = request.method;
    if (path.startsWith(QLatin1String("/open311/v2/")))
        return m_open311.handle(request, now());
    if (!path.startsWith(QLatin1String("/api/v1/")))
        return ApiResponse::error(404, QStringLiteral("not_found"),
                                  QStringLiteral("No such endpoint: %1").arg(path));

    if (path == QLatin1String("/api/v1/session") && method == "POST")
        return m_sessions.signIn(request);
    if (path.startsWith(QLatin1String("/api/v1/citizen/complaints/")) && method == "POST") {
        static const QRegularExpression re(
            QStringLiteral(R"(^/api/v1/citizen/complaints/(\d{1,15})/(vote|confirm|contest)$)"));
        const auto m = re.match(path);
        if (!m.hasMatch())
            return ApiResponse::error(404, QStringLiteral("not_found"),
                                      QStringLiteral("No such endpoint: %1").arg(path));
        return m_citizen.handle(m.captured(1).toLongLong(), m.captured(2), request);
    }
    if (path.startsWith(QLatin1String("/api/v1/_test/"))) {
        if (!m_config.testHooks)
            return ApiResponse::error(404, QStringLiteral("not_found"),
                                      QStringLiteral("No such endpoint: %1").arg(path));
        return m_testHooks.handle(path.mid(14), request);
    }

    ApiResponse failure;
    const std::optional<Session> session = m_sessions.authenticate(request, &failure);
    if (!session)
        return failure;

    if (path == QLatin1String("/api/v1/session")) {
        if (method == "GET")
            return m_sessions.currentSession(*session);
        if (method == "DELETE")
            return m_sessions.signOut(*session);
    } else if (path == QLatin1String("/api/v1/catalogue")) {
        if (method == "GET")
            return m_feed.catalogue(request);
    } else if (path == QLatin1String("/api/v1/changes")) {
        if (method == "GET")
            return m_feed.changes(request, *session);
    } else if (path.startsWith(QLatin1String("/api/v1/media/"))) {
        if (method == "GET")
            return media(path.mid(14), request, *session);
    } else if (const auto m = idPath().match(path); m.hasMatch()) {
        const qint64 id = m.captured(1).toLongLong();
        const QString tail = m.captured(2);
        if (tail.isEmpty() && method == "GET")
            return complaint(id, *session);
        if (tail == QLatin1String("/history") && method == "GET")
            return history(id, *session);
        if (tail == QLatin1String("/actions") && method == "POST")
            return action(id, request, *session);
        if (tail == QLatin1String("/photos") && method == "POST")
            return uploadPhoto(id, request, *session);
    } else {
        return ApiResponse::error(404, QStringLiteral("not_found"),
                                  QStringLiteral("No such endpoint: %1").arg(path));
    }
    return ApiResponse::error(
        405, QStringLiteral("method_not_allowed"),
        QStringLiteral("%1 is not allowed on %2").arg(QString::fromLatin1(method), path));
}

bool ApiService::canRead(const User &user, const Complaint &complaint) const
{
    return ActionRules::mayRead(user.actor(), complaint);
}

QJsonObject ApiService::complaintJson(const StoredComplaint &stored, const User &user) const
{
    return ApiJson::complaintToJson(stored.complaint, stored.photos, {seesPersonalData(user)});
}

std::optional<StoredComplaint> ApiService::readable(qint64 id, const User &user,
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

ApiResponse ApiService::complaint(qint64 id, const Session &session)
{
    ApiResponse failure;
    const auto stored = readable(id, session.user, &failure);
    if (!stored)
        return failure;
    return ApiResponse::json(200, complaintJson(*stored, session.user));
}

ApiResponse ApiService::history(qint64 id, const Session &session)
{
    ApiResponse failure;
    const auto stored = readable(id, session.user, &failure);
    if (!stored)
        return failure;
    QJsonArray entries;
    for (const HistoryEntry &e : m_store.history(id))
        entries.append(ApiJson::historyEntryToJson(e));
    return ApiResponse::json(
        200, {{QStringLiteral("complaint_id"), id}, {QStringLiteral("entries"), entries}});
}

ApiResponse ApiService::action(qint64 id, const ApiRequest &request, const Session &session)
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
    const auto current = readable(id, session.user, &response);
    if (current) {
        const QString actionName = body->value(QStringLiteral("action")).toString();
        const QJsonValue base = body->value(QStringLiteral("base_version"));
        if (actionName.isEmpty() || !base.isDouble() || base.toDouble() < 1 ||
            base.toDouble() != std::floor(base.toDouble())) {
            QJsonObject fields;
            if (actionName.isEmpty())
                fields.insert(QStringLiteral("action"), QStringLiteral("required text"));
            if (!base.isDouble() || base.toDouble() < 1 ||
                base.toDouble() != std::floor(base.toDouble()))
                fields.insert(QStringLiteral("base_version"),
                              QStringLiteral("required whole number ≥ 1"));
            response = ApiResponse::error(422, QStringLiteral("invalid"),
                                          QStringLiteral("The action is incomplete."), fields);
        } else if (qint64(base.toDouble()) != current->complaint.version) {
            QJsonObject conflict = ApiJson::errorBody(
                QStringLiteral("version_conflict"),
                QStringLiteral("The complaint changed since version %1; it is now version %2.")
                    .arg(qint64(base.toDouble()))
                    .arg(current->complaint.version));
            conflict.insert(QStringLiteral("current"), complaintJson(*current, session.user));
            response = ApiResponse::json(409, conflict);
        } else {
            response = applyAction(*current, actionName, *body, session.user);
        }
    }
    // Answers that change nothing (4xx) are remembered too: a retry with the
    // same key gets the same answer, as docs/api.md promises.
    if (response.status != 500) {
        m_store.storeResponse(session.user.id, key, {requestHash, response.status, response.body},
                              now());
        transaction.commit();
    }
    return response;
}

ApiResponse ApiService::uploadPhoto(qint64 id, const ApiRequest &request, const Session &session)
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
    const ImageInfo info = inspectImage(request.body);
    if ((type != "image/jpeg" && type != "image/png") || info.mimeType.isEmpty() ||
        info.mimeType != QString::fromLatin1(type))
        return ApiResponse::error(
            415, QStringLiteral("unsupported_media_type"),
            QStringLiteral("Send a JPEG or PNG image with its Content-Type."));
    Photo photo;
    photo.id =
        QStringLiteral("e%1-%2").arg(id).arg(QString::fromLatin1(Passwords::newToken().left(10)));
    photo.complaintId = id;
    photo.mimeType = info.mimeType;
    photo.width = info.width;
    photo.height = info.height;
    photo.bytes = request.body.size();
    photo.evidence = true;
    m_store.addPhoto(photo, request.body);
    return ApiResponse::json(201, {{QStringLiteral("id"), photo.id},
                                   {QStringLiteral("mime_type"), photo.mimeType},
                                   {QStringLiteral("width"), photo.width},
                                   {QStringLiteral("height"), photo.height},
                                   {QStringLiteral("bytes"), photo.bytes},
                                   {QStringLiteral("evidence"), true}});
}

ApiResponse ApiService::media(const QString &id, const ApiRequest &request, const Session &session)
{
    QByteArray data;
    const auto photo = m_store.photo(id, &data);
    const auto owner = photo ? m_store.complaint(photo->complaintId) : std::nullopt;
    if (!photo || !owner)
        return ApiResponse::error(404, QStringLiteral("not_found"),
                                  QStringLiteral("There is no photo %1.").arg(id));
    if (!canRead(session.user, owner->complaint))
        return ApiResponse::error(403, QStringLiteral("forbidden"),
                                  QStringLiteral("This photo belongs to a complaint outside your "
                                                 "scope."));
    if (data.isEmpty())
        data = PngWriter::demoPhoto(id, photo->width, photo->height);
    const QByteArray etag =
        '"' + QCryptographicHash::hash(data, QCryptographicHash::Sha1).toHex() + '"';
    ApiResponse r;
    r.contentType = photo->mimeType.toLatin1();
    r.addHeader("ETag", etag);
    r.addHeader("Cache-Control", "private, max-age=604800, immutable");
    if (request.header("if-none-match") == etag) {
        r.status = 304;
        r.contentType.clear();
        return r;
    }
    r.body = data;
    return r;
}

} // namespace rd::server
