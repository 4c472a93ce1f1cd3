#pragma once

#include "ApiTypes.h"
#include "Quotas.h"
#include "ServerConfig.h"
#include "ServerStore.h"
#include "SessionService.h"

#include <QJsonObject>

#include <optional>

namespace rd::server {

// The complaints a signed-in user works on (docs/api.md "The complaint
// record", "Actions"): one complaint and its history, actions on it (with
// idempotency keys and version checks), evidence photos and media. Only
// what the user's scope lets them read.
class ComplaintService final
{
public:
    ComplaintService(ServerStore &store, const ServerConfig &config, const Clock &clock,
                     Quotas &quotas);
    Q_DISABLE_COPY_MOVE(ComplaintService)

    ApiResponse complaint(qint64 id, const Session &session);
    ApiResponse history(qint64 id, const Session &session);
    ApiResponse action(qint64 id, const ApiRequest &request, const Session &session);
    ApiResponse uploadPhoto(qint64 id, const ApiRequest &request, const Session &session);
    ApiResponse media(const QString &id, const ApiRequest &request, const Session &session);

private:
    // History as user may read it: no citizen's name to those who may not see
    // authors, redacted originals to moderators only.
    static QList<HistoryEntry> visibleHistory(QList<HistoryEntry> entries, const User &user);
    bool canRead(const User &user, const Complaint &complaint) const;
    // The complaint if it exists and user may read it; else the 404 or 403.
    std::optional<StoredComplaint> readable(qint64 id, const User &user, ApiResponse *failure);
    // An action whose key is new: the 422 of an incomplete body, the 409 of
    // a stale base version, or what applyAction answers.
    ApiResponse checkedAction(const StoredComplaint &current, const QJsonObject &body,
                              const User &user);

    // Actions.cpp: the state machine.
    ApiResponse applyAction(const StoredComplaint &current, const QString &action,
                            const QJsonObject &body, const User &user);

    QJsonObject complaintJson(const StoredComplaint &stored, const User &user) const;
    QDate today() const;

    ServerStore &m_store;
    const ServerConfig &m_config;
    const Clock &m_clock;
    Quotas &m_quotas;
};

} // namespace rd::server
