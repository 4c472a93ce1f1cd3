#pragma once

#include "ApiTypes.h"
#include "ServerConfig.h"
#include "ServerStore.h"

namespace rd::server {

// The citizen endpoints (docs/api.md "Citizen endpoints"): a vote on an open
// complaint, a confirmation or contest of a solved one, with the Open311 API
// key instead of a session. Answers carry no personal data.
class CitizenService final
{
public:
    CitizenService(ServerStore &store, const ServerConfig &config, const Clock &clock);
    Q_DISABLE_COPY_MOVE(CitizenService)

    // what: "vote", "confirm" or "contest".
    ApiResponse handle(qint64 id, const QString &what, const ApiRequest &request);

private:
    ServerStore &m_store;
    const ServerConfig &m_config;
    const Clock &m_clock;
};

} // namespace rd::server
