#pragma once

#include "ApiTypes.h"
#include "Quotas.h"
#include "ServerConfig.h"
#include "ServerStore.h"

namespace rd::server {

// The citizen endpoints (docs/api.md "Citizen endpoints"): a vote on an open
// complaint, a confirmation or contest of a solved one, with the Open311 API
// key instead of a session. Answers carry no personal data. Votes count
// against the client's hourly cap (Quotas).
class CitizenService final
{
public:
    CitizenService(ServerStore &store, const ServerConfig &config, const Clock &clock,
                   Quotas &quotas);
    Q_DISABLE_COPY_MOVE(CitizenService)

    // what: "vote", "confirm" or "contest".
    ApiResponse handle(qint64 id, const QString &what, const ApiRequest &request);

private:
    ServerStore &m_store;
    const ServerConfig &m_config;
    const Clock &m_clock;
    Quotas &m_quotas;
};

} // namespace rd::server
