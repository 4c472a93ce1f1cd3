#include "CitizenService.h"

#include "ApiJson.h"
#include "Passwords.h"

namespace rd::server {

CitizenService::CitizenService(ServerStore &store, const ServerConfig &config, const Clock &clock,
                               Quotas &quotas)
    : m_store(store)
    , m_config(config)
    , m_clock(clock)
    , m_quotas(quotas)
{}

ApiResponse CitizenService::handle(qint64 id, const QString &what, const ApiRequest &request)
{
    if (m_config.open311ApiKey.isEmpty() ||
        !Passwords::constantTimeEquals(request.header("x-api-key"),
                                       m_config.open311ApiKey.toUtf8()))
        return ApiResponse::error(401, QStringLiteral("unauthorized"),
                                  QStringLiteral("Send the citizen API key in X-Api-Key."));
    QJsonObject body;
    if (!request.body.isEmpty()) {
        ApiResponse failure;
        const auto parsed = parseJsonBody(request, m_config.maxJsonBytes, &failure);
        if (!parsed)
            return failure;
        body = *parsed;
    }
    ServerStore::WriteTransaction transaction(m_store);
    const auto current = m_store.complaint(id);
    if (!current)
        return ApiResponse::error(404, QStringLiteral("not_found"),
                                  QStringLiteral("There is no complaint %1.").arg(id));
    Complaint c = current->complaint;
    const ComplaintState state = c.state;
    const QString comment = body.value(QStringLiteral("comment")).toString().left(2000);
    if (what == QLatin1String("vote")) {
        if (state != ComplaintState::Published && state != ComplaintState::InProgress &&
            state != ComplaintState::Contested)
            return ApiResponse::error(
                422, QStringLiteral("invalid_transition"),
                QStringLiteral("Only open, published complaints take votes."));
        // Counted in this transaction: only a vote that counts is recorded.
        if (const auto refused =
                m_quotas.admitClientEvent(Quotas::ClientEvent::Vote, request.client, m_clock.now()))
            return refused->response();
        ++c.votes;
    } else if (state != ComplaintState::Solved) {
        return ApiResponse::error(422, QStringLiteral("invalid_transition"),
                                  QStringLiteral("Only a solved complaint can be confirmed or "
                                                 "contested."));
    } else {
        c.state = what == QLatin1String("confirm") ? ComplaintState::Confirmed
                                                   : ComplaintState::Contested;
        c.citizenFeedback = comment;
    }
    c.updatedAt = m_clock.now();
    const StoredComplaint stored = m_store.write(c, current->photos);
    if (what != QLatin1String("vote"))
        m_store.appendHistory(id, c.updatedAt, c.authorName, what, {}, {}, comment);
    transaction.commit();
    return ApiResponse::json(200,
                             ApiJson::complaintToJson(stored.complaint, stored.photos, {false}));
}

} // namespace rd::server
