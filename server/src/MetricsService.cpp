#include "MetricsService.h"

#include "Passwords.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMetrics, "regiondesk.server.metrics")

namespace rd::server {

MetricsService::MetricsService(ServerStore &store, const ServerConfig &config, SharedState &shared)
    : m_store(store)
    , m_config(config)
    , m_shared(shared)
{}

std::optional<ApiResponse> MetricsService::refusal(const ApiRequest &request,
                                                   const QByteArray &token)
{
    if (!token.isEmpty()) {
        if (Passwords::constantTimeEquals(request.header("authorization"), "Bearer " + token))
            return std::nullopt;
        ApiResponse r = ApiResponse::error(
            401, QStringLiteral("unauthorized"),
            QStringLiteral("Send the metrics token: Authorization: Bearer <token>."));
        r.addHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
        return r;
    }
    // A proxy on this host makes every client look local; one that says it
    // forwarded the request gives it away.
    const bool forwarded = !request.header("forwarded").isEmpty() ||
                           !request.header("x-forwarded-for").isEmpty() ||
                           !request.header("x-real-ip").isEmpty();
    if (request.loopback && !forwarded)
        return std::nullopt;
    return ApiResponse::error(403, QStringLiteral("forbidden"),
                              QStringLiteral("The metrics are served to this machine only "
                                             "unless the server has a metrics token."));
}

ApiResponse MetricsService::handle(const ApiRequest &request)
{
    if (auto refused = refusal(request, m_config.metricsToken))
        return *refused;
    if (request.method != "GET") {
        ApiResponse r = ApiResponse::error(405, QStringLiteral("method_not_allowed"),
                                           QStringLiteral("GET /metrics only."));
        r.addHeader("Allow", "GET, HEAD");
        return r;
    }
    Metrics::StoreGauges store;
    try {
        store.lastSeq = m_store.lastSeq();
        if (const std::optional<QDateTime> at = m_store.lastChangeAt())
            store.lastChangeAgeSecs =
                double(std::max<qint64>(0, at->msecsTo(m_shared.clock().now()))) / 1000.0;
        store.up = true;
    } catch (const std::exception &error) {
        qCWarning(lcMetrics) << "metrics: database error:" << error.what();
    }
    ApiResponse r;
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    r.body = m_shared.metrics().render(store);
    return r;
}

} // namespace rd::server
