#pragma once

#include "ApiTypes.h"
#include "ServerConfig.h"
#include "ServerStore.h"

#include <optional>

namespace rd::server {

// A signed-in request: its user, and the digest of the token it came with.
struct Session
{
    User user;
    QByteArray tokenDigest;
};

// Whether answers to user show authors' personal data (a clerk's do not).
bool seesPersonalData(const User &user);

// Sessions (docs/api.md "Session"): signing in for a bearer token, who the
// token's user is, signing out, and which session a request comes with.
class SessionService final
{
public:
    SessionService(ServerStore &store, const ServerConfig &config, const Clock &clock);
    Q_DISABLE_COPY_MOVE(SessionService)

    // The session of the request's bearer token; else *failure is the 401.
    std::optional<Session> authenticate(const ApiRequest &request, ApiResponse *failure);

    ApiResponse signIn(const ApiRequest &request);
    ApiResponse currentSession(const Session &session);
    ApiResponse signOut(const Session &session);

private:
    ServerStore &m_store;
    const ServerConfig &m_config;
    const Clock &m_clock;
};

} // namespace rd::server
