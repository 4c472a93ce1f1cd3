#pragma once

#include "ApiTypes.h"
#include "Metrics.h"
#include "ServerConfig.h"
#include "ServerStore.h"
#include "SessionService.h"

namespace rd::server {

// What a desk keeps its cache with (docs/api.md "Catalogue", "The changes
// feed"): the catalogue with its ETag, and the pages of changed complaints
// and tombstones in the user's scope, walked with a cursor. How far behind
// each cursor was goes to the metrics (feed lag).
class FeedService final
{
public:
    FeedService(ServerStore &store, const ServerConfig &config, Metrics &metrics);
    Q_DISABLE_COPY_MOVE(FeedService)

    ApiResponse catalogue(const ApiRequest &request);
    ApiResponse changes(const ApiRequest &request, const Session &session);

private:
    ServerStore &m_store;
    const ServerConfig &m_config;
    Metrics &m_metrics;
};

} // namespace rd::server
