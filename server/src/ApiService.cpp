#include "ApiService.h"

#include "sqlite/SqliteError.h"

#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>

Q_LOGGING_CATEGORY(lcApi, "regiondesk.server.api")

namespace rd::server {

namespace {

const QRegularExpression &idPath()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^/api/v1/complaints/(\d{1,15})(/history|/actions|/photos)?\z)"));
    return re;
}

// A decoded path with a control character (a %0A, %00, …) names no
// endpoint: no route may match "/api/v1/session\n".
bool hasControlCharacter(const QString &path)
{
    return std::any_of(path.cbegin(), path.cend(),
                       [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

ApiResponse noSuchEndpoint(const QString &path)
{
    return ApiResponse::error(404, QStringLiteral("not_found"),
                              QStringLiteral("No such endpoint: %1").arg(path));
}

} // namespace

ApiService::ApiService(ServerStore &store, ServerConfig config, SharedState &shared)
    : m_store(store)
    , m_config(std::move(config))
    , m_shared(shared)
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

ApiResponse ApiService::health()
{
    // For a load balancer or monitoring: the database answers and has the
    // schema this server knows. No sign-in; nothing personal.
    try {
        m_store.meta(QStringLiteral("epoch"));
        return ApiResponse::json(
            200, {{QStringLiteral("status"), QStringLiteral("ok")},
                  {QStringLiteral("store"), m_store.describe().section(QLatin1Char(' '), 0, 0)}});
    } catch (const std::exception &error) {
        qCWarning(lcApi) << "health check: database error:" << error.what();
        return ApiResponse::json(503, {{QStringLiteral("status"), QStringLiteral("unavailable")}});
    }
}

ApiResponse ApiService::route(const ApiRequest &request)
{
    const QString &path = request.path;
    const QByteArray &method = request.method;
    if (hasControlCharacter(path))
        return noSuchEndpoint(path);
    if (path.startsWith(QLatin1String("/open311/")))
        return m_open311.handle(request, now());
    if (path == QLatin1String("/healthz") && method == "GET")
        return health();
    if (path == QLatin1String("/metrics"))
        return m_metrics.handle(request);
    if (!path.startsWith(QLatin1String("/api/v1/")))
        return noSuchEndpoint(path);

    if (path == QLatin1String("/api/v1/session") && method == "POST")
        return m_sessions.signIn(request);
    if (path.startsWith(QLatin1String("/api/v1/citizen/complaints/")) && method == "POST") {
        static const QRegularExpression re(
            QStringLiteral(R"(^/api/v1/citizen/complaints/(\d{1,15})/(vote|confirm|contest)\z)"));
        const auto m = re.match(path);
        if (!m.hasMatch())
            return noSuchEndpoint(path);
        return m_citizen.handle(m.captured(1).toLongLong(), m.captured(2), request);
    }
    if (path.startsWith(QLatin1String("/api/v1/_test/"))) {
        if (!m_config.testHooks)
            return noSuchEndpoint(path);
        return m_testHooks.handle(path.mid(14), request);
    }

    ApiResponse failure;
    const std::optional<Session> session = m_sessions.authenticate(request, &failure);
    if (!session)
        return failure;
    return routeSignedIn(request, *session);
}

ApiResponse ApiService::routeSignedIn(const ApiRequest &request, const Session &session)
{
    const QString &path = request.path;
    const QByteArray &method = request.method;
    if (path == QLatin1String("/api/v1/session")) {
        if (method == "GET")
            return m_sessions.currentSession(session);
        if (method == "DELETE")
            return m_sessions.signOut(session);
    } else if (path == QLatin1String("/api/v1/catalogue")) {
        if (method == "GET")
            return m_feed.catalogue(request);
    } else if (path == QLatin1String("/api/v1/geography")) {
        if (method == "GET")
            return m_geography.geography(request);
    } else if (path == QLatin1String("/api/v1/changes")) {
        if (method == "GET")
            return m_feed.changes(request, session, m_geography.etag());
    } else if (path.startsWith(QLatin1String("/api/v1/media/"))) {
        if (method == "GET")
            return m_complaints.media(path.mid(14), request, session);
    } else if (const auto m = idPath().match(path); m.hasMatch()) {
        const qint64 id = m.captured(1).toLongLong();
        const QString tail = m.captured(2);
        if (tail.isEmpty() && method == "GET")
            return m_complaints.complaint(id, session);
        if (tail == QLatin1String("/history") && method == "GET")
            return m_complaints.history(id, session);
        if (tail == QLatin1String("/actions") && method == "POST")
            return m_complaints.action(id, request, session);
        if (tail == QLatin1String("/photos") && method == "POST")
            return m_complaints.uploadPhoto(id, request, session);
    } else {
        return noSuchEndpoint(path);
    }
    return ApiResponse::error(
        405, QStringLiteral("method_not_allowed"),
        QStringLiteral("%1 is not allowed on %2").arg(QString::fromLatin1(method), path));
}

} // namespace rd::server
