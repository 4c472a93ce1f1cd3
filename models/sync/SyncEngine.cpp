#include "SyncEngine.h"

#include "Account.h"
#include "CacheError.h"
#include "GeoJson.h"
#include "SyncEngineStore.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QRandomGenerator>

#include <optional>

Q_LOGGING_CATEGORY(lcSync, "regiondesk.sync")

namespace rd {

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
    m_api.setCompression(m_options.compression);
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
    // Actions on their way stay marked as sending: the next run sends them
    // again with their keys, and the server applies each once.
    for (QNetworkReply *reply : m_sending.keys()) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
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
    m_pageEtags.reset();
    m_catalogueAsked = m_geographyAsked = false;
    std::pair<bool, bool> referenceFirst{false, false}; // the catalogue, the outlines
    try {
        // Keys written before the one normalisation (a trailing slash) are
        // still the same account.
        const QString owner = canonicalAccountKey(onStore([](SyncStore &s) { return s.owner(); }));
        if (!owner.isEmpty() && !m_owner.isEmpty() && owner != canonicalAccountKey(m_owner)) {
            fail(SyncResult::Outcome::WrongOwner,
                 tr("This cache belongs to another user or server (%1). Sign in as that "
                    "user, or use another cache.")
                     .arg(owner.section(QLatin1Char('|'), 1) + QStringLiteral(" @ ") +
                          owner.section(QLatin1Char('|'), 0, 0)));
            return true;
        }
        if (owner.isEmpty() && !m_owner.isEmpty())
            onStore([this](SyncStore &s) { s.setOwner(m_owner); });
        // A cache without a catalogue (a first sync) needs one before its
        // first page; outlines that failed last time are asked for again.
        // Actions to send wait behind the catalogue's revalidation (304):
        // it finds a link that is down or a session that ended before an
        // action is tried (and would wait out a backoff for it).
        // Otherwise the pull's last page says whether either changed, so
        // a poll with nothing new is one request (and a first sync's
        // outlines come after its pages: the queue first).
        referenceFirst = onStore([this](SyncStore &s) {
            return std::pair{s.catalogueEtag().isEmpty() || !s.dueActions(now()).isEmpty(),
                             !s.cache().geography().problem().isEmpty()};
        });
    } catch (...) {
        failWithCache(std::current_exception());
        return true;
    }
    if (referenceFirst.first || referenceFirst.second)
        fetchReference(false, referenceFirst.first, referenceFirst.second);
    else
        startPush();
    return true;
}

void SyncEngine::fetchReference(bool afterPull, bool catalogueToo, bool geographyToo)
{
    m_referenceAfterPull = afterPull;
    m_geographyToo = geographyToo;
    if (afterPull && m_pageEtags) {
        // Compared as opaque tags: a weak W/ on one side only is the same.
        const auto opaque = [](QString tag) {
            return tag.startsWith(QLatin1String("W/")) ? tag.mid(2) : tag;
        };
        try {
            const auto [catalogue, geography] = onStore([](SyncStore &s) {
                return std::pair{s.catalogueEtag(), s.cache().geography().etag()};
            });
            catalogueToo = opaque(catalogue) != opaque(m_pageEtags->first);
            m_geographyToo = opaque(geography) != opaque(m_pageEtags->second);
        } catch (...) {
            failWithCache(std::current_exception());
            return;
        }
    }
    // Each at most once a run (outlines that failed before the push keep
    // their old tag, which the last page does not name).
    catalogueToo = catalogueToo && !m_catalogueAsked;
    m_geographyToo = m_geographyToo && !m_geographyAsked;
    if (catalogueToo)
        fetchCatalogue();
    else if (m_geographyToo)
        fetchGeography();
    else
        referenceFetched();
}

void SyncEngine::referenceFetched()
{
    if (m_referenceAfterPull)
        finish(SyncResult::Outcome::Success, {});
    else
        startPush();
}

void SyncEngine::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    abortFetches();
    if (m_single)
        ApiClient::cancel(m_single);
    // Each answer (here, an abort) is settled; the last one ends the run.
    for (QNetworkReply *reply : m_sending.keys())
        ApiClient::cancel(reply);
    // (The last answer may have ended the run, and a slot on finished()
    // started the next one: that one is not this cancel's.)
    if (m_running && m_cancelled && m_appliesInFlight == 0 && !m_single && m_sending.isEmpty())
        finish(SyncResult::Outcome::Cancelled, tr("Sync cancelled."));
}

void SyncEngine::emitProgress()
{
    Q_EMIT progressChanged(m_progress);
}

// --- Catalogue ------------------------------------------------------------

void SyncEngine::getIfChanged(const QString &path, const QString &etag,
                              std::function<void(QNetworkReply *, const QByteArray &)> done)
{
    ApiClient::Headers headers;
    if (!etag.isEmpty())
        headers.append({"If-None-Match", etag.toLatin1()});
    QNetworkReply *reply = m_api.get(path, headers);
    m_single = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        m_single = nullptr;
        const QByteArray body = reply->readAll();
        if (m_cancelled) {
            finish(SyncResult::Outcome::Cancelled, tr("Sync cancelled."));
            return;
        }
        done(reply, body);
    });
}

void SyncEngine::fetchCatalogue()
{
    m_catalogueAsked = true;
    m_progress.phase = SyncProgress::Phase::Catalogue;
    emitProgress();
    QString etag;
    try {
        etag = onStore([](SyncStore &s) { return s.catalogueEtag(); });
    } catch (...) {
        failWithCache(std::current_exception());
        return;
    }
    getIfChanged(
        QStringLiteral("/api/v1/catalogue"), etag,
        [this](QNetworkReply *reply, const QByteArray &body) { onCatalogue(reply, body); });
}

void SyncEngine::onCatalogue(QNetworkReply *reply, const QByteArray &body)
{
    const ApiError error = ApiClient::errorOf(reply, body);
    if (error.isError()) {
        failWith(error);
        return;
    }
    if (ApiClient::statusOf(reply) == 200) {
        const auto catalogue = ApiJson::catalogueFromJson(QJsonDocument::fromJson(body).object());
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
    if (m_geographyToo)
        fetchGeography();
    else
        referenceFetched();
}

// --- Geography ------------------------------------------------------------

void SyncEngine::fetchGeography()
{
    m_geographyAsked = true;
    QString etag;
    try {
        etag = onStore([](SyncStore &s) { return s.cache().geography().etag(); });
    } catch (...) {
        failWithCache(std::current_exception());
        return;
    }
    getIfChanged(
        QStringLiteral("/api/v1/geography"), etag,
        [this](QNetworkReply *reply, const QByteArray &body) { onGeography(reply, body); });
}

void SyncEngine::onGeography(QNetworkReply *reply, const QByteArray &body)
{
    // The map's outlines are not the clerk's work: what the server gets
    // wrong about them is said on the map and the sync goes on. Only what
    // stops every request (no network, sign-in, TLS) ends the run.
    const ApiError error = ApiClient::errorOf(reply, body);
    const int status = ApiClient::statusOf(reply);
    if (error.isError() && (error.kind != ApiError::Kind::Http || status == 401)) {
        failWith(error);
        return;
    }
    QString problem; // for the map, in plain words; the detail goes to the log
    QString detail;
    std::optional<Geography> geography;
    if (status == 404) {
        geography = Geography{}; // a server that publishes none
    } else if (error.isError()) {
        problem = tr("The server did not send the city's outlines this time (they are asked for "
                     "again at the next sync); the map shows the ones it had.");
        detail = error.toUserText();
    } else if (status == 200) {
        auto parsed = GeoJson::read(body);
        if (parsed) {
            geography = std::move(*parsed.value);
        } else {
            problem = tr("The server's outlines of the city could not be read; the map shows "
                         "the ones it had.");
            detail = parsed.error.toString();
        }
    }
    try {
        const QString etag = QString::fromLatin1(reply->rawHeader("ETag"));
        const bool changed = onStore([&](SyncStore &s) {
            GeographyStore &store = s.cache().geography();
            if (geography) {
                if (store.etag() == etag && store.problem().isEmpty() &&
                    (!etag.isEmpty() || store.load().isEmpty()))
                    return false; // none published, and none kept
                store.replace(*geography, etag);
                return true;
            }
            if (store.problem() == problem)
                return false;
            store.setProblem(problem); // 304: none, it is what the server has
            return true;
        });
        if (!problem.isEmpty())
            qCWarning(lcSync) << "geography not taken:" << detail;
        if (changed)
            Q_EMIT geographyChanged();
    } catch (...) {
        failWithCache(std::current_exception());
        return;
    }
    referenceFetched();
}

// --- Ending ---------------------------------------------------------------

void SyncEngine::failWith(const ApiError &error)
{
    fail(outcomeOf(error), error.toUserText());
}

void SyncEngine::failWithCache(const std::exception_ptr &error)
{
    const QString message = cacheFailure(error);
    abortFetches();
    fail(SyncResult::Outcome::CacheError, message);
}

QString SyncEngine::cacheFailure(const std::exception_ptr &error)
{
    try {
        std::rethrow_exception(error);
    } catch (const CacheError &e) {
        qCWarning(lcSync) << "cache error:" << e.message() << e.detail();
        return e.message();
    } catch (const std::exception &e) {
        return tr("The server sent data the cache cannot store (%1); nothing of it was "
                  "applied.")
            .arg(QString::fromLocal8Bit(e.what()));
    }
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
                            QString message = tr("Indexing for search stopped.");
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
