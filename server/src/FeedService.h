#pragma once

#include "ApiTypes.h"
#include "Metrics.h"
#include "ServerConfig.h"
#include "ServerStore.h"
#include "SessionService.h"
#include "SharedState.h"

#include <QUrlQuery>

namespace rd::server {

// What a desk keeps its cache with (docs/api.md "Catalogue", "The changes
// feed"): the catalogue with its ETag, and the pages of changed complaints
// and tombstones in the user's scope, walked with a cursor. How far behind
// each cursor was goes to the metrics (feed lag).
class FeedService final
{
public:
    FeedService(ServerStore &store, const ServerConfig &config, SharedState &shared);
    Q_DISABLE_COPY_MOVE(FeedService)

    // How many records at most a changes request would bring, judged from
    // its query without the store: the smaller of its limit and how far
    // its cursor is behind lastSeq (the newest change known). A cursor that
    // does not decode counts as nothing (the request will be refused).
    static qint64 expectedRecords(const QUrlQuery &query, const ServerConfig &config,
                                  qint64 lastSeq);

    ApiResponse catalogue(const ApiRequest &request);
    // A page of the feed; it names the catalogue's ETag and geographyEtag,
    // so a desk polling the feed revalidates those only when they changed.
    ApiResponse changes(const ApiRequest &request, const Session &session,
                        const QByteArray &geographyEtag);

private:
    ServerStore &m_store;
    const ServerConfig &m_config;
    SharedState &m_shared;
    Metrics &m_metrics;
};

} // namespace rd::server
