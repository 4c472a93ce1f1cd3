#pragma once

#include "ApiTypes.h"
#include "CitizenService.h"
#include "Clock.h"
#include "ComplaintService.h"
#include "FeedService.h"
#include "GeographyService.h"
#include "Open311Service.h"
#include "ServerConfig.h"
#include "ServerStore.h"
#include "SessionService.h"
#include "TestHookService.h"

namespace rd::server {

// The API of docs/api.md over a ServerStore: pure request → response, so it
// can be read as the specification and tested without sockets. Every error
// path answers with the error body of docs/api.md; nothing throws out.
// Routes each request to the part whose job it is: sessions, the feed,
// the geography, complaints, the citizen endpoints, the test hooks or Open311.
class ApiService final
{
public:
    ApiService(ServerStore &store, ServerConfig config);
    Q_DISABLE_COPY_MOVE(ApiService)

    ApiResponse handle(const ApiRequest &request);

    // The fault the HTTP front should apply to this response, if any (set
    // through the test hooks). Consumes one use of the plan.
    FaultPlan takeFault(const QString &path);
    QDateTime now() const;

private:
    ApiResponse route(const ApiRequest &request);
    ApiResponse health();
    // The endpoints that need a signed-in session.
    ApiResponse routeSignedIn(const ApiRequest &request, const Session &session);

    ServerStore &m_store;
    ServerConfig m_config;
    ShiftedClock m_clock{
        *m_config.clock}; // the configured clock, moved on by the advance-clock hook
    SessionService m_sessions{m_store, m_config, m_clock};
    FeedService m_feed{m_store, m_config};
    GeographyService m_geography{m_store};
    ComplaintService m_complaints{m_store, m_config, m_clock};
    CitizenService m_citizen{m_store, m_config, m_clock};
    TestHookService m_testHooks{m_store, m_config, m_clock};
    Open311Service m_open311{m_store, m_config};
};

} // namespace rd::server
