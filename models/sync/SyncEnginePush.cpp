#include "SyncEngineStore.h"

#include <QJsonDocument>
#include <QNetworkReply>

namespace rd {

// --- Push -----------------------------------------------------------------

void SyncEngine::startPush()
{
    m_progress.phase = SyncProgress::Phase::Pushing;
    try {
        const QList<OutboxAction> due =
            onStore([this](SyncStore &s) { return s.dueActions(now()); });
        for (const OutboxAction &action : due)
            m_pushQueue.append(action.seq);
    } catch (...) {
        failWithCache(std::current_exception());
        return;
    }
    m_progress.actionsToSend = int(m_pushQueue.size());
    emitProgress();
    sendNextAction();
}

void SyncEngine::sendNextAction()
{
    if (m_cancelled) {
        finish(SyncResult::Outcome::Cancelled, tr("Sync cancelled."));
        return;
    }
    std::optional<OutboxAction> action;
    try {
        while (!m_pushQueue.isEmpty() && !action) {
            const qint64 seq = m_pushQueue.takeFirst();
            action = onStore([seq](SyncStore &s) { return s.action(seq); });
            if (action && (m_blocked.contains(action->complaintId) ||
                           action->status == OutboxStatus::Failed ||
                           action->status == OutboxStatus::Conflict))
                action.reset();
            // Marked in one statement: one the user took back since it was
            // read does not go.
            if (action && !onStore([seq](SyncStore &s) { return s.markSending(seq); }))
                action.reset();
        }
        if (!action) {
            startPull(false);
            return;
        }
    } catch (...) {
        failWithCache(std::current_exception());
        return;
    }
    QNetworkReply *reply =
        m_api.post(QStringLiteral("/api/v1/complaints/%1/actions").arg(action->complaintId),
                   action->payload, {{"Idempotency-Key", action->idempotencyKey.toLatin1()}});
    m_single = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, sent = *action] { onActionFinished(reply, sent); });
}

void SyncEngine::onActionFinished(QNetworkReply *reply, const OutboxAction &action)
{
    reply->deleteLater();
    m_single = nullptr;
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
            // Without a connection (or a session) nothing else can go either.
            if (error.kind != ApiError::Kind::Http || error.status == 401) {
                failWith(error);
                return;
            }
        } else {
            actionRefused(action, error);
        }
    } catch (...) {
        failWithCache(std::current_exception());
        return;
    }
    emitProgress();
    sendNextAction();
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
