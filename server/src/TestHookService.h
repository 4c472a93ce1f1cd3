#pragma once

#include "ApiTypes.h"
#include "Clock.h"
#include "ServerConfig.h"
#include "ServerStore.h"

#include <QJsonObject>

namespace rd::server {

// The test hooks under /api/v1/_test/ (docs/api.md "The reference server",
// --test-hooks): faults for the HTTP front to apply, moving the service's
// clock, pruning, a new epoch, deleting a complaint. Never in production.
class TestHookService final
{
public:
    TestHookService(ServerStore &store, const ServerConfig &config, ShiftedClock &clock);
    Q_DISABLE_COPY_MOVE(TestHookService)

    // what: the path after /api/v1/_test/.
    ApiResponse handle(const QString &what, const ApiRequest &request);

    // The fault planned for a response to path, if any; consumes one use.
    FaultPlan takeFault(const QString &path);

private:
    ApiResponse planFault(const QJsonObject &body);

    ServerStore &m_store;
    const ServerConfig &m_config;
    ShiftedClock &m_clock;
    FaultPlan m_fault;
};

} // namespace rd::server
