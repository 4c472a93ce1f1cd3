#pragma once

#include "ApiTypes.h"
#include "Clock.h"
#include "ServerConfig.h"
#include "ServerStore.h"
#include "SharedState.h"

#include <QJsonObject>

namespace rd::server {

// The test hooks under /api/v1/_test/ (docs/api.md "The reference server",
// --test-hooks): faults for the HTTP front to apply, moving the service's
// clock, pruning, a new epoch, deleting a complaint. Never in production.
class TestHookService final
{
public:
    TestHookService(ServerStore &store, const ServerConfig &config, SharedState &shared);
    Q_DISABLE_COPY_MOVE(TestHookService)

    // what: the path after /api/v1/_test/.
    ApiResponse handle(const QString &what, const ApiRequest &request);

private:
    ApiResponse planFault(const QJsonObject &body);

    ServerStore &m_store;
    const ServerConfig &m_config;
    SharedState &m_shared; // the fault plan and the clock, shared by every worker
};

} // namespace rd::server
