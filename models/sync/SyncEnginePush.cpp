#include "SyncEngineStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

#include <algorithm>

namespace rd {

// --- Push -----------------------------------------------------------------

void SyncEngine::startPush()
{
    m_progress.phase = SyncProgress::Phase::Pushing;
    m_pushStop.reset();
    try {
        const QList<OutboxAction> due =
            onStore([this](SyncStore &s) { return s.dueActions(now()); });
        for (const OutboxAction &action : due) {
            const qint64 other = QJsonDocument::fromJson(action.payload)
                                     .object()
                                     .value(QStringLiteral("duplicate_of"))
                                     .toInteger();
            m_pushQueue.append({action.seq, action.complaintId, other});
        }
    } catch (...) {
        failWithCache(std::current_exception());
        return;
    }
    m_progress.actionsToSend = int(m_pushQueue.size());
    emitProgress();
    sendActions();
}

void SyncEngine::sendActions()
{
    // An action waits while an earlier one of its complaint (or of the
    // complaint it names) is on its way or still queued: a complaint's
    // actions go in the order they were written, each on the version the
    // one before it left. The look-ahead is bounded, so a long backlog of
    // one complaint costs no more than that per answer.
    constexpr int LookAhead = 256;
    const auto busy = [this](const QSet<qint64> &waiting, qint64 id) {
        if (id == 0)
            return false;
        if (waiting.contains(id))
            return true;
        return std::any_of(m_sending.cbegin(), m_sending.cend(),
                           [id](const std::pair<qint64, qint64> &sending) {
                               return sending.first == id || sending.second == id;
                           });
    };
    const int most = std::max(1, m_options.actionsInFlight);
    QSet<qint64> waiting;
    try {
        for (qsizetype i = 0; i < m_pushQueue.size() && i < LookAhead && m_sending.size() < most &&
                              !m_cancelled && !m_pushStop;) {
            const Queued queued = m_pushQueue.at(i);
            if (busy(waiting, queued.complaintId) || busy(waiting, queued.otherId)) {
                waiting << queued.complaintId << queued.otherId;
                ++i;
                continue;
            }
            m_pushQueue.removeAt(i);
            sendAction(queued);
        }
    } catch (...) {
        stopPush(SyncResult::Outcome::CacheError, cacheFailure(std::current_exception()));
    }
    if (!m_sending.isEmpty())
        return; // the answers bring the rest
    if (m_cancelled)
        finish(SyncResult::Outcome::Cancelled, tr("Sync cancelled."));
    else if (m_pushStop)
        fail(m_pushStop->first, m_pushStop->second);
    else // nothing on its way: the queue's first action always goes, so it is empty
        startPull(false);
}

void SyncEngine::sendAction(const Queued &queued)
{
    const qint64 seq = queued.seq;
    const std::optional<OutboxAction> action =
        onStore([seq](SyncStore &s) { return s.action(seq); });
    if (!action || m_blocked.contains(action->complaintId) ||
        action->status == OutboxStatus::Failed || action->status == OutboxStatus::Conflict)
        return;
    // Marked in one statement: one the user took back since it was read
    // does not go.
    if (!onStore([seq](SyncStore &s) { return s.markSending(seq); }))
        return;
    QNetworkReply *reply =
        m_api.post(QStringLiteral("/api/v1/complaints/%1/actions").arg(action->complaintId),
                   action->payload, {{"Idempotency-Key", action->idempotencyKey.toLatin1()}});
    m_sending.insert(reply, {queued.complaintId, queued.otherId});
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, sent = *action] { onActionFinished(reply, sent); });
}

void SyncEngine::stopPush(SyncResult::Outcome outcome, const QString &message)
{
    // Answers come in the order the network gives: the reason the user
    // must act on wins (the cache, then signing in, then TLS, then the
    // connection), whichever came first.
    const auto rank = [](SyncResult::Outcome o) {
        switch (o) {
        case SyncResult::Outcome::CacheError:
            return 4;
        case SyncResult::Outcome::SignInRequired:
            return 3;
        case SyncResult::Outcome::TlsError:
            return 2;
        default:
            return 1;
        }
    };
    if (!m_pushStop || rank(outcome) > rank(m_pushStop->first))
        m_pushStop = std::pair{outcome, message};
}

void SyncEngine::onActionFinished(QNetworkReply *reply, const OutboxAction &action)
{
    reply->deleteLater();
    m_sending.remove(reply);
    const QByteArray body = reply->readAll();
    ApiError error = ApiClient::errorOf(reply, body);
    std::optional<ApiJson::ParsedComplaint> current;
    if (!error.isError()) {
        auto parsed = ApiJson::complaintFromJson(QJsonDocument::fromJson(body).object());
        if (parsed)
            current = std::move(*parsed.value);
        else
            error = {ApiError::Kind::BadResponse,
                     ApiClient::statusOf(reply),
                     {},
                     parsed.error.toString(),
                     {},
                     {}};
    }
    try {
        if (!error.isError()) {
            actionApplied(action, *current);
        } else if (error.kind == ApiError::Kind::Http && error.status == 409) {
            actionConflicted(action, error);
        } else if (error.isTransient() || error.needsSignIn() ||
                   error.kind == ApiError::Kind::Tls || error.kind == ApiError::Kind::Cancelled) {
            actionDeferred(action, error);
            // Without a connection (or a session) nothing else can go
            // either: those on their way are answered, no more are sent.
            if (error.kind != ApiError::Kind::Http || error.status == 401)
                stopPush(outcomeOf(error), error.toUserText());
        } else {
            actionRefused(action, error);
        }
    } catch (...) {
        stopPush(SyncResult::Outcome::CacheError, cacheFailure(std::current_exception()));
    }
    emitProgress();
    sendActions();
}

void SyncEngine::actionApplied(const OutboxAction &action, const ApiJson::ParsedComplaint &current)
{
    const QList<qint64> changed =
        onStore([&](SyncStore &s) { return s.actionDone(action, current); });
    ++m_progress.actionsSent;
    ++m_result.actionsDone;
    Q_EMIT complaintsChanged(changed);
    Q_EMIT outboxChanged();
}

void SyncEngine::actionConflicted(const OutboxAction &action, const ApiError &error)
{
    std::optional<ApiJson::ParsedComplaint> serverCopy;
    if (auto parsed =
            ApiJson::complaintFromJson(error.body.value(QStringLiteral("current")).toObject()))
        serverCopy = std::move(*parsed.value);
    const QString message = tr("The complaint was changed on the server after you wrote this (now "
                               "version %1). Re-apply your action on the new version, edit it, or "
                               "discard it.")
                                .arg(serverCopy ? serverCopy->complaint.version : 0);
    onStore([&](SyncStore &s) { s.actionConflict(action, serverCopy, message); });
    m_blocked.insert(action.complaintId);
    ++m_result.conflicts;
    Q_EMIT complaintsChanged({action.complaintId});
    Q_EMIT outboxChanged();
}

void SyncEngine::actionDeferred(const OutboxAction &action, const ApiError &error)
{
    // Not applied, or applied with the answer lost: either way the same key
    // goes again later and the server applies it once.
    const bool countsAsAttempt = error.isTransient();
    const QDateTime retryAt =
        countsAsAttempt
            ? now().addMSecs(m_options.backoff.delayMs(action.attempts + 1, m_options.random01()))
            : QDateTime();
    onStore([&](SyncStore &s) { s.actionDeferred(action, error.toUserText(), retryAt); });
    m_blocked.insert(action.complaintId);
    if (countsAsAttempt)
        ++m_result.actionsDeferred;
    Q_EMIT outboxChanged();
}

void SyncEngine::actionRefused(const OutboxAction &action, const ApiError &error)
{
    QString message = error.message;
    if (error.status == 404)
        message = tr("The complaint no longer exists on the server.");
    else if (error.status == 403)
        message = tr("The server refused this action: %1").arg(error.message);
    else if (error.code == QLatin1String("invalid_transition"))
        message =
            tr("This action is no longer possible in the complaint's state: %1").arg(error.message);
    else if (error.status == 422)
        message = tr("The server asks for corrections: %1").arg(error.message);
    onStore([&](SyncStore &s) { s.actionFailed(action, message, error.fields, now()); });
    m_blocked.insert(action.complaintId);
    ++m_result.actionsFailed;
    Q_EMIT complaintsChanged({action.complaintId});
    Q_EMIT outboxChanged();
}

} // namespace rd
