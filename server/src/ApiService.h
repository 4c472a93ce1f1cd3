#pragma once

#include "ApiTypes.h"
#include "CitizenService.h"
#include "FeedService.h"
#include "Open311Service.h"
#include "ServerConfig.h"
#include "ServerStore.h"
#include "ServiceClock.h"
#include "SessionService.h"
#include "TestHookService.h"

#include <QJsonObject>

#include <optional>

namespace rd::server {

// The API of docs/api.md over a ServerStore: pure request → response, so it
// can be read as the specification and tested without sockets. Every error
// path answers with the error body of docs/api.md; nothing throws out.
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
    bool canRead(const User &user, const Complaint &complaint) const;
    // The complaint if it exists and user may read it; else the 404 or 403.
    std::optional<StoredComplaint> readable(qint64 id, const User &user, ApiResponse *failure);

    ApiResponse complaint(qint64 id, const Session &session);
    ApiResponse history(qint64 id, const Session &session);
    ApiResponse action(qint64 id, const ApiRequest &request, const Session &session);
    ApiResponse uploadPhoto(qint64 id, const ApiRequest &request, const Session &session);
    ApiResponse media(const QString &id, const ApiRequest &request, const Session &session);

    // Actions.cpp: the state machine.
    ApiResponse applyAction(const StoredComplaint &current, const QString &action,
                            const QJsonObject &body, const User &user);

    QJsonObject complaintJson(const StoredComplaint &stored, const User &user) const;
    QDate today() const;

    ServerStore &m_store;
    ServerConfig m_config;
    ServiceClock m_clock{*m_config.clock};
    SessionService m_sessions{m_store, m_config, m_clock};
    FeedService m_feed{m_store, m_config};
    CitizenService m_citizen{m_store, m_config, m_clock};
    TestHookService m_testHooks{m_store, m_config, m_clock};
    Open311Service m_open311{m_store, m_config};
};

} // namespace rd::server
