#include "SyncEngine.h"

#include "Account.h"
#include "CacheError.h"
#include "SyncStore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <optional>

Q_LOGGING_CATEGORY(lcSync, "regiondesk.sync")

namespace rd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(rd::SyncEngine)
};

SyncResult::Outcome outcomeOf(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        return SyncResult::Outcome::Offline;
    case ApiError::Kind::Tls:
        return SyncResult::Outcome::TlsError;
    case ApiError::Kind::BadResponse:
        return SyncResult::Outcome::BadResponse;
    case ApiError::Kind::Cancelled:
        return SyncResult::Outcome::Cancelled;
    case ApiError::Kind::Http:
        return error.status == 401 ? SyncResult::Outcome::SignInRequired
                                   : SyncResult::Outcome::ServerError;
    case ApiError::Kind::None:
        break;
    }
    return SyncResult::Outcome::Success;
}

} // namespace

SyncEngine::SyncEngine(QString cachePath, QNetworkAccessManager *network, Options options,
                       QObject *parent)
    : QObject(parent)
    , m_cachePath(std::move(cachePath))
    , m_options(std::move(options))
    , m_api(network)
{
    qRegisterMetaType<SyncProgress>();
    qRegisterMetaType<SyncResult>();
    if (!m_options.clock)
        m_options.clock = &Clock::system();
    if (!m_options.random01)
        m_options.random01 = [] { return QRandomGenerator::global()->generateDouble(); };
    m_api.setTransferTimeout(m_options.transferTimeoutMs);
    m_parsers.setMaxThreadCount(std::max(1, m_options.parserThreads));
    m_storeThread.setObjectName(QStringLiteral("regiondesk-sync-store"));
    m_storeContext = new QObject;
    m_storeContext->moveToThread(&m_storeThread);
    m_storeThread.start();
}

SyncEngine::~SyncEngine()
{
    m_parsers.waitForDone(); // their answers are queued to this object
    m_cancelled = true;
    abortFetches();
    if (m_single)
        ApiClient::cancel(m_single);
    m_storeThread.quit();
    m_storeThread.wait();
    delete m_storeContext;
    m_store.reset(); // the store thread has ended; nothing else uses the connection
}

void SyncEngine::setSession(const QUrl &server, const QByteArray &token, const QString &owner)
{
    m_api.setServer(server);
    m_api.setToken(token);
    m_owner = owner;
}

void SyncEngine::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_api.setTlsConfiguration(configuration);
}

template<typename F>
auto SyncEngine::onStore(F &&f) -> decltype(f(std::declval<SyncStore &>()))
{
    using R = decltype(f(std::declval<SyncStore &>()));
    std::exception_ptr error;
    if constexpr (std::is_void_v<R>) {
        QMetaObject::invokeMethod(
            m_storeContext,
            [&] {
                try {
                    f(store());
                } catch (...) {
                    error = std::current_exception();
                }
            },
            Qt::BlockingQueuedConnection);
        if (error)
            std::rethrow_exception(error);
    } else {
        std::optional<R> result;
        QMetaObject::invokeMethod(
            m_storeContext,
            [&] {
                try {
                    result.emplace(f(store()));
                } catch (...) {
                    error = std::current_exception();
                }
            },
            Qt::BlockingQueuedConnection);
        if (error)
            std::rethrow_exception(error);
        return std::move(*result);
    }
}

template<typename R, typename F>
void SyncEngine::postToStore(F f, std::function<void(R)> then,
                             std::function<void(std::exception_ptr)> failed)
{
    QMetaObject::invokeMethod(
        m_storeContext,
        [this, f = std::move(f), then = std::move(then), failed = std::move(failed)]() mutable {
            std::exception_ptr error;
            std::optional<R> result;
            try {
                result.emplace(f(store()));
            } catch (...) {
                error = std::current_exception();
            }
            // Queued to the engine's thread; dropped if the engine is gone.
            QMetaObject::invokeMethod(
                this,
                [error, result = std::move(result), then = std::move(then),
                 failed = std::move(failed)]() mutable {
                    if (error)
                        failed(error);
                    else
                        then(std::move(*result));
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

SyncStore &SyncEngine::store()
{
    Q_ASSERT(QThread::currentThread() == &m_storeThread);
    if (!m_store) {
        auto cache = LocalCache::open(m_cachePath, m_options.cacheOptions);
        if (m_options.cacheFaultHook)
            cache->setFaultHook(m_options.cacheFaultHook);
        m_store = std::make_unique<SyncStore>(std::move(cache));
    }
    return *m_store;
}

QDateTime SyncEngine::now() const
{
    return m_options.clock->now();
}

bool SyncEngine::start()
{
    if (m_running)
        return false;
    m_running = true;
    m_cancelled = false;
    m_failed = false;
    m_resyncedThisRun = false;
    m_appliesInFlight = 0;
    m_blocked.clear();
    m_pushQueue.clear();
    m_progress = {};
    m_result = {};
    try {
        // Keys written before the one normalisation (a trailing slash) are
        // still the same account.
        const QString owner = canonicalAccountKey(onStore([](SyncStore &s) { return s.owner(); }));
        if (!owner.isEmpty() && !m_owner.isEmpty() && owner != canonicalAccountKey(m_owner)) {
            fail(SyncResult::Outcome::WrongOwner,
                 Tr::tr("This cache belongs to another user or server (%1). Sign in as that "
                        "user, or use another cache.")
                     .arg(owner.section(QLatin1Char('|'), 1) + QStringLiteral(" @ ") +
                          owner.section(QLatin1Char('|'), 0, 0)));
            return true;
        }
        if (owner.isEmpty() && !m_owner.isEmpty())
            onStore([this](SyncStore &s) { s.setOwner(m_owner); });
    } catch (...) {
        failWithCache(std::current_exception());
        return true;
    }
    fetchCatalogue();
    return true;
}

void SyncEngine::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    abortFetches();
    if (m_single)
        ApiClient::cancel(m_single);
    if (m_appliesInFlight == 0 && !m_single)
        finish(SyncResult::Outcome::Cancelled, Tr::tr("Sync cancelled."));
}

void SyncEngine::emitProgress()
{
    Q_EMIT progressChanged(m_progress);
}

// --- Catalogue ------------------------------------------------------------

void SyncEngine::fetchCatalogue()
{
    m_progress.phase = SyncProgress::Phase::Catalogue;
    emitProgress();
    QString etag;
    try {
        etag = onStore([](SyncStore &s) { return s.catalogueEtag(); });
    } catch (...) {
        failWithCache(std::current_exception());
        return;
    }
    ApiClient::Headers headers;
    if (!etag.isEmpty())
        headers.append({"If-None-Match", etag.toLatin1()});
    QNetworkReply *reply = m_api.get(QStringLiteral("/api/v1/catalogue"), headers);
    m_single = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_single = nullptr;
        const QByteArray body = reply->readAll();
        if (m_cancelled) {
            finish(SyncResult::Outcome::Cancelled, Tr::tr("Sync cancelled."));
            return;
        }
        const ApiError error = ApiClient::errorOf(reply, body);
        if (error.isError()) {
            failWith(error);
            return;
        }
        if (ApiClient::statusOf(reply) == 200) {
            const auto catalogue =
                ApiJson::catalogueFromJson(QJsonDocument::fromJson(body).object());
            if (!catalogue) {
                fail(SyncResult::Outcome::BadResponse,
                     ApiError{ApiError::Kind::BadResponse,
                              200,
                              {},
                              QStringLiteral("catalogue: ") + catalogue.error.toString(),
                              {},
                              {}}
                         .toUserText());
                return;
            }
            try {
                const QString newEtag = QString::fromLatin1(reply->rawHeader("ETag"));
                onStore([&](SyncStore &s) { s.replaceCatalogue(*catalogue.value, newEtag); });
            } catch (...) {
                failWithCache(std::current_exception());
                return;
            }
        }
        startPush();
    });
}

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
        finish(SyncResult::Outcome::Cancelled, Tr::tr("Sync cancelled."));
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
        }
        if (!action) {
            startPull(false);
            return;
        }
        onStore([&](SyncStore &s) { s.markSending(action->seq); });
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
            const QList<qint64> changed =
                onStore([&](SyncStore &s) { return s.actionDone(action, *current); });
            ++m_progress.actionsSent;
            ++m_result.actionsDone;
            Q_EMIT complaintsChanged(changed);
            Q_EMIT outboxChanged();
        } else if (error.kind == ApiError::Kind::Http && error.status == 409) {
            std::optional<ApiJson::ParsedComplaint> serverCopy;
            if (auto parsed = ApiJson::complaintFromJson(
                    error.body.value(QStringLiteral("current")).toObject()))
                serverCopy = std::move(*parsed.value);
            const QString message =
                Tr::tr("The complaint was changed on the server after you wrote this (now "
                       "version %1). Re-apply your action on the new version, edit it, or "
                       "discard it.")
                    .arg(serverCopy ? serverCopy->complaint.version : 0);
            onStore([&](SyncStore &s) { s.actionConflict(action, serverCopy, message); });
            m_blocked.insert(action.complaintId);
            ++m_result.conflicts;
            Q_EMIT complaintsChanged({action.complaintId});
            Q_EMIT outboxChanged();
        } else if (error.isTransient() || error.needsSignIn() ||
                   error.kind == ApiError::Kind::Tls || error.kind == ApiError::Kind::Cancelled) {
            // Not applied, or applied with the answer lost: either way the
            // same key goes again later and the server applies it once.
            const bool countsAsAttempt = error.isTransient();
            const QDateTime retryAt =
                countsAsAttempt ? now().addMSecs(m_options.backoff.delayMs(action.attempts + 1,
                                                                           m_options.random01()))
                                : QDateTime();
            onStore([&](SyncStore &s) { s.actionDeferred(action, error.toUserText(), retryAt); });
            m_blocked.insert(action.complaintId);
            if (countsAsAttempt)
                ++m_result.actionsDeferred;
            Q_EMIT outboxChanged();
            // Without a connection (or a session) nothing else can go either.
            if (error.kind != ApiError::Kind::Http || error.status == 401) {
                failWith(error);
                return;
            }
        } else {
            QString message = error.message;
            if (error.status == 404)
                message = Tr::tr("The complaint no longer exists on the server.");
            else if (error.status == 403)
                message = Tr::tr("The server refused this action: %1").arg(error.message);
            else if (error.code == QLatin1String("invalid_transition"))
                message = Tr::tr("This action is no longer possible in the complaint's state: %1")
                              .arg(error.message);
            else if (error.status == 422)
                message = Tr::tr("The server asks for corrections: %1").arg(error.message);
            onStore([&](SyncStore &s) { s.actionFailed(action, message, error.fields, now()); });
            m_blocked.insert(action.complaintId);
            ++m_result.actionsFailed;
            Q_EMIT complaintsChanged({action.complaintId});
            Q_EMIT outboxChanged();
        }
    } catch (...) {
        failWithCache(std::current_exception());
        return;
    }
    emitProgress();
    sendNextAction();
}

// --- Pull -----------------------------------------------------------------

void SyncEngine::startPull(bool forceResync)
{
    if (m_cancelled) {
        finish(SyncResult::Outcome::Cancelled, Tr::tr("Sync cancelled."));
        return;
    }
    m_progress.phase = SyncProgress::Phase::Pulling;
    emitProgress();
    SyncState state;
    try {
        state = onStore([forceResync](SyncStore &s) {
            s.beginPull(forceResync);
            return s.state();
        });
    } catch (...) {
        failWithCache(std::current_exception());
        return;
    }
    m_epoch = state.epoch;
    requestPage(state.cursor);
}

void SyncEngine::requestPage(const QString &cursor)
{
    QUrlQuery query;
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pageLimit));
    if (!cursor.isEmpty() && !m_epoch.isEmpty())
        query.addQueryItem(QStringLiteral("epoch"), m_epoch);
    QNetworkReply *reply =
        m_api.get(QStringLiteral("/api/v1/changes?") + query.query(QUrl::FullyEncoded));
    PageFetch fetch;
    fetch.id = ++m_nextFetchId;
    fetch.reply = reply;
    fetch.fromCursor = cursor;
    m_fetches.push_back(fetch);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] { onPageHeaders(reply); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onPageFinished(reply); });
}

void SyncEngine::onPageFinished(QNetworkReply *reply)
{
    auto it = std::find_if(m_fetches.begin(), m_fetches.end(),
                           [reply](const PageFetch &f) { return f.reply == reply; });
    if (it == m_fetches.end())
        return;
    reply->deleteLater();
    const QByteArray body = reply->readAll();
    it->done = true;
    it->error = ApiClient::errorOf(reply, body);
    if (!it->error.isError()) {
        // Parsed in the pool, so that two pages can be parsed while a third
        // downloads and an earlier one is written.
        const quint64 id = it->id;
        const quint64 generation = m_generation;
        m_parsers.start([this, id, generation, body] {
            auto parsed = std::make_shared<ApiJson::Parsed<ChangesPage>>(parseChangesPage(body));
            QMetaObject::invokeMethod(
                this,
                [this, id, generation, parsed] {
                    if (generation != m_generation)
                        return;
                    for (PageFetch &f : m_fetches) {
                        if (f.id == id)
                            f.parsed = parsed;
                    }
                    processFetches();
                },
                Qt::QueuedConnection);
        });
    }
    processFetches();
}

void SyncEngine::onPageHeaders(QNetworkReply *reply)
{
    // Ask for the next page now, while this one downloads and is parsed.
    if (m_cancelled || m_failed || m_fetches.empty() || m_fetches.back().reply != reply ||
        int(m_fetches.size()) >= m_options.pagesInFlight || ApiClient::statusOf(reply) != 200)
        return;
    const QString next = nextCursorFromLink(reply->rawHeader("Link"));
    if (!next.isEmpty())
        requestPage(next);
}

void SyncEngine::processFetches()
{
    while (!m_fetches.empty() && !m_failed && !m_cancelled) {
        PageFetch &front = m_fetches.front();
        if (!front.done || (!front.error.isError() && !front.parsed))
            return; // the next page in order is not ready yet
        const PageFetch fetch = front;
        m_fetches.pop_front();
        const ApiError &error = fetch.error;
        if (error.kind == ApiError::Kind::Http && error.status == 410) {
            abortFetches();
            if (m_resyncedThisRun || m_appliesInFlight > 0) {
                // Pages still being applied are from the old epoch; or the
                // server asks twice in one run: stop, the next run resyncs.
                fail(SyncResult::Outcome::ServerError, error.toUserText());
                return;
            }
            qCInfo(lcSync) << "server asks for a full resync";
            m_resyncedThisRun = true;
            m_result.resynced = true;
            startPull(true);
            return;
        }
        if (error.isError()) {
            abortFetches();
            failWith(error);
            return;
        }
        ApiJson::Parsed<ChangesPage> &parsed = *fetch.parsed;
        if (!parsed) {
            abortFetches();
            fail(SyncResult::Outcome::BadResponse,
                 ApiError{ApiError::Kind::BadResponse, 200, {}, parsed.error.toString(), {}, {}}
                     .toUserText());
            return;
        }
        ChangesPage page = std::move(*parsed.value);
        if (!m_epoch.isEmpty() && page.epoch != m_epoch && !fetch.fromCursor.isEmpty()) {
            // The server's data was replaced (a server that does not check
            // the epoch parameter itself): everything again.
            abortFetches();
            if (m_resyncedThisRun || m_appliesInFlight > 0) {
                fail(SyncResult::Outcome::ServerError,
                     Tr::tr("The server's data changed during the sync; it will start over."));
                return;
            }
            m_resyncedThisRun = true;
            m_result.resynced = true;
            startPull(true);
            return;
        }
        m_epoch = page.epoch;
        m_progress.bytes += page.bytes;
        // The page after this one must start at this page's cursor; a
        // prefetch that guessed otherwise is dropped.
        if (page.more) {
            if (m_fetches.empty() || m_fetches.front().fromCursor != page.cursor) {
                abortFetches();
                requestPage(page.cursor);
            }
        } else {
            abortFetches();
        }
        const QString fromCursor = fetch.fromCursor;
        const bool more = page.more;
        ++m_appliesInFlight;
        postToStore<SyncStore::PageResult>(
            [page = std::move(page), fromCursor](SyncStore &s) {
                return s.applyPage(page, fromCursor);
            },
            [this, fromCursor, more](const SyncStore::PageResult &r) {
                --m_appliesInFlight;
                onPageApplied(fromCursor, more, r.applied, r.records, r.stale, r.removed,
                              r.changedIds);
            },
            [this](const std::exception_ptr &storeError) {
                --m_appliesInFlight;
                failWithCache(storeError);
            });
    }
}

void SyncEngine::onPageApplied(const QString &fromCursor, bool more, bool applied, int records,
                               int stale, int removed, const QList<qint64> &changed)
{
    Q_UNUSED(stale)
    if (applied) {
        // Committed, whatever happens to the rest of the run.
        ++m_progress.pages;
        m_progress.records += records;
        m_progress.tombstones += removed;
        if (!changed.isEmpty())
            Q_EMIT complaintsChanged(changed);
        emitProgress();
    }
    if (m_failed)
        return;
    if (!applied) {
        // The cache's cursor moved under us (another writer); start over
        // from what the cache says next run.
        qCWarning(lcSync) << "page from" << fromCursor << "not applied: cursor moved";
        abortFetches();
        fail(SyncResult::Outcome::CacheError,
             Tr::tr("The local cache was changed by another sync; try again."));
        return;
    }
    if (m_cancelled) {
        if (m_appliesInFlight == 0)
            finish(SyncResult::Outcome::Cancelled, Tr::tr("Sync cancelled."));
        return;
    }
    if (!more)
        finishPull();
}

void SyncEngine::finishPull()
{
    m_progress.phase = SyncProgress::Phase::Finishing;
    emitProgress();
    try {
        const QList<qint64> removed = onStore([this](SyncStore &s) { return s.finishPull(now()); });
        m_progress.tombstones += removed.size();
        if (!removed.isEmpty())
            Q_EMIT complaintsChanged(removed);
    } catch (...) {
        failWithCache(std::current_exception());
        return;
    }
    finish(SyncResult::Outcome::Success, {});
}

void SyncEngine::abortFetches()
{
    ++m_generation;
    while (!m_fetches.empty()) {
        PageFetch fetch = m_fetches.back();
        m_fetches.pop_back();
        if (fetch.reply) {
            fetch.reply->disconnect(this);
            ApiClient::cancel(fetch.reply);
            fetch.reply->deleteLater();
        }
    }
}

// --- Ending ---------------------------------------------------------------

void SyncEngine::failWith(const ApiError &error)
{
    fail(outcomeOf(error), error.toUserText());
}

void SyncEngine::failWithCache(const std::exception_ptr &error)
{
    QString message;
    try {
        std::rethrow_exception(error);
    } catch (const CacheError &e) {
        message = e.message();
        qCWarning(lcSync) << "cache error:" << e.message() << e.detail();
    } catch (const std::exception &e) {
        message = Tr::tr("The server sent data the cache cannot store (%1); nothing of it was "
                         "applied.")
                      .arg(QString::fromLocal8Bit(e.what()));
    }
    abortFetches();
    fail(SyncResult::Outcome::CacheError, message);
}

void SyncEngine::fail(SyncResult::Outcome outcome, const QString &message)
{
    if (m_failed || !m_running)
        return;
    m_failed = true;
    abortFetches();
    if (m_appliesInFlight > 0) {
        // Let queued applies finish (each is one transaction) before ending.
        m_result.outcome = outcome;
        m_result.message = message;
        QMetaObject::invokeMethod(
            m_storeContext,
            [this] {
                QMetaObject::invokeMethod(
                    this, [this] { finish(m_result.outcome, m_result.message); },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
        return;
    }
    finish(outcome, message);
}

void SyncEngine::finish(SyncResult::Outcome outcome, const QString &message)
{
    if (!m_running)
        return;
    m_running = false;
    abortFetches();
    m_result.outcome = outcome;
    m_result.message = message;
    m_result.progress = m_progress;
    m_result.finishedAt = now();
    try {
        // A first load that stopped early gets its indexes back now, not at
        // the next start; nothing else is left half-done.
        onStore([](SyncStore &s) {
            if (s.cache().bulkLoad().isActive())
                s.cache().bulkLoad().end();
        });
        if (const auto next = onStore([](SyncStore &s) { return s.nextRetry(); }))
            m_result.nextRetryAt = *next;
    } catch (...) {
        qCWarning(lcSync) << "could not settle the cache after the sync";
    }
    m_progress.phase = SyncProgress::Phase::Idle;
    qCInfo(lcSync) << "sync finished:" << int(outcome) << message << m_progress.records
                   << "records," << m_progress.pages << "pages," << m_result.actionsDone
                   << "actions";
    Q_EMIT finished(m_result);
}

void SyncEngine::indexSearchInBackground()
{
    if (m_indexing)
        return;
    m_indexing = true;
    postToStore<qint64>([](SyncStore &s) { return s.indexSearch(5000); },
                        [this](qint64 remaining) {
                            m_indexing = false;
                            Q_EMIT searchIndexChanged(remaining);
                            if (remaining > 0)
                                indexSearchInBackground();
                        },
                        [this](const std::exception_ptr &error) {
                            m_indexing = false;
                            QString message = Tr::tr("Indexing for search stopped.");
                            try {
                                std::rethrow_exception(error);
                            } catch (const CacheError &e) {
                                message = e.message();
                            } catch (...) {
                            }
                            qCWarning(lcSync) << "search indexing stopped:" << message;
                            Q_EMIT searchIndexStopped(message);
                        });
}

} // namespace rd
