#include "TestHookService.h"

#include "ApiJson.h"
#include "Quotas.h"

#include <QHash>

namespace rd::server {

TestHookService::TestHookService(ServerStore &store, const ServerConfig &config,
                                 SharedState &shared)
    : m_store(store)
    , m_config(config)
    , m_shared(shared)
{}

ApiResponse TestHookService::planFault(const QJsonObject &body)
{
    static const QHash<QString, FaultPlan::Kind> kinds{
        {QStringLiteral("none"), FaultPlan::Kind::None},
        {QStringLiteral("cut_body"), FaultPlan::Kind::CutBody},
        {QStringLiteral("error_after_commit"), FaultPlan::Kind::ErrorAfterCommit},
        {QStringLiteral("delay"), FaultPlan::Kind::Delay},
        {QStringLiteral("malformed_json"), FaultPlan::Kind::MalformedJson},
        {QStringLiteral("drop"), FaultPlan::Kind::Drop}};
    const QString kind = body.value(QStringLiteral("kind")).toString();
    if (!kinds.contains(kind))
        return ApiResponse::error(422, QStringLiteral("invalid"), QStringLiteral("Unknown fault."),
                                  {{QStringLiteral("kind"), QStringLiteral("unknown")}});
    FaultPlan plan;
    plan.kind = kinds.value(kind);
    plan.pathPrefix = body.value(QStringLiteral("path")).toString();
    plan.remaining = body.value(QStringLiteral("count")).toInt(1);
    plan.skip = body.value(QStringLiteral("skip")).toInt(0);
    plan.delayMs = body.value(QStringLiteral("delay_ms")).toInt(2000);
    m_shared.planFault(plan);
    return ApiResponse::json(200, {{QStringLiteral("ok"), true}});
}

ApiResponse TestHookService::handle(const QString &what, const ApiRequest &request)
{
    ApiResponse failure;
    const auto body = request.body.isEmpty()
                          ? std::optional<QJsonObject>(QJsonObject{})
                          : parseJsonBody(request, m_config.maxJsonBytes, &failure);
    if (!body)
        return failure;
    if (what == QLatin1String("faults"))
        return planFault(*body);
    if (what == QLatin1String("advance-clock")) {
        m_shared.clock().advance(body->value(QStringLiteral("seconds")).toInteger());
        return ApiResponse::json(
            200, {{QStringLiteral("now"), ApiJson::formatTime(m_shared.clock().now())}});
    }
    if (what == QLatin1String("prune")) {
        Quotas::forgetOld(m_store, m_shared.clock().now());
        m_store.prune(m_shared.clock().now(), m_config.keepResponsesSecs,
                      m_config.keepTombstonesSecs);
        return ApiResponse::json(200, {{QStringLiteral("ok"), true}});
    }
    if (what == QLatin1String("new-epoch")) {
        m_store.newEpoch();
        return ApiResponse::json(200, {{QStringLiteral("epoch"), m_store.epoch()}});
    }
    if (what == QLatin1String("hold-commits")) {
        // Every write transaction waits this long before it commits, holding
        // its change number (and its locks): commits then straddle reads.
        const qint64 ms = body->value(QStringLiteral("ms")).toInteger();
        if (ms < 0 || ms > 10000)
            return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                      QStringLiteral("ms takes 0 to 10000."));
        ServerStore::setCommitDelayForTests(int(ms));
        return ApiResponse::json(200, {{QStringLiteral("ok"), true}});
    }
    if (what.startsWith(QLatin1String("delete/"))) {
        ServerStore::WriteTransaction transaction(m_store);
        m_store.remove(what.mid(7).toLongLong(), m_shared.clock().now());
        transaction.commit();
        return ApiResponse::json(200, {{QStringLiteral("ok"), true}});
    }
    return ApiResponse::error(404, QStringLiteral("not_found"),
                              QStringLiteral("No such test hook."));
}

} // namespace rd::server
