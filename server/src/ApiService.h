#pragma once

#include "ApiTypes.h"
#include "CitizenService.h"
#include "Clock.h"
#include "ComplaintService.h"
#include "FeedService.h"
#include "GeographyService.h"
#include "MetricsService.h"
#include "Open311Service.h"
#include "Quotas.h"
#include "ServerConfig.h"
#include "ServerStore.h"
#include "SessionService.h"
#include "SharedState.h"
#include "TestHookService.h"

namespace rd::server {

// The API of docs/api.md over a ServerStore: pure request → response, so it
// can be read as the specification and tested without sockets. Every error
// path answers with the error body of docs/api.md; nothing throws out.
// Routes each request to the part whose job it is: sessions, the feed,
// the geography, complaints, the citizen endpoints, the test hooks, Open311
// or the metrics.
//
// One ApiService per worker thread, each over its own store connection
// (HttpFrontend's WorkerPool); what they share (the test hooks' clock and
// fault plan) is in the one SharedState, which is thread-safe.
class ApiService final
{
public:
    ApiService(ServerStore &store, ServerConfig config, SharedState &shared);
    Q_DISABLE_COPY_MOVE(ApiService)

    ApiResponse handle(const ApiRequest &request);

    QDateTime now() const;

private:
    ApiResponse route(const ApiRequest &request);
    ApiResponse health();
    // The endpoints that need a signed-in session.
    ApiResponse routeSignedIn(const ApiRequest &request, const Session &session);

    ServerStore &m_store;
    ServerConfig m_config;
    SharedState &m_shared;
    ShiftedClock &m_clock{m_shared.clock()}; // the configured clock, moved on by a test hook
    Quotas m_quotas{m_store, m_config, m_shared};
    SessionService m_sessions{m_store, m_config, m_clock};
    FeedService m_feed{m_store, m_config, m_shared};
    GeographyService m_geography{m_store};
    ComplaintService m_complaints{m_store, m_config, m_clock, m_quotas};
    CitizenService m_citizen{m_store, m_config, m_clock, m_quotas};
    MetricsService m_metrics{m_store, m_config, m_shared};
    TestHookService m_testHooks{m_store, m_config, m_shared};
    Open311Service m_open311{m_store, m_config, m_quotas};
};

} // namespace rd::server
