#pragma once

#include "ApiTypes.h"
#include "ServerConfig.h"
#include "ServerStore.h"
#include "SharedState.h"

#include <optional>

namespace rd::server {

// GET /metrics (docs/api.md "Metrics"): this process's Metrics and the
// database's feed gauges, in Prometheus' text format. Who may read it:
// with a metrics token configured (--metrics-token-file), whoever sends it
// as a bearer token; without one, only clients on this machine (loopback)
// whose request was not forwarded by a proxy.
class MetricsService final
{
public:
    MetricsService(ServerStore &store, const ServerConfig &config, SharedState &shared);
    Q_DISABLE_COPY_MOVE(MetricsService)

    ApiResponse handle(const ApiRequest &request);

    // The 401 or 403 for a request that may not read the metrics, if it may not.
    static std::optional<ApiResponse> refusal(const ApiRequest &request, const QByteArray &token);

private:
    ServerStore &m_store;
    const ServerConfig &m_config;
    SharedState &m_shared;
};

} // namespace rd::server
