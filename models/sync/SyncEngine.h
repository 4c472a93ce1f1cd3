#pragma once

#include "ApiClient.h"
#include "Backoff.h"
#include "ChangesPage.h"
#include "Clock.h"
#include "LocalCache.h"
#include "SyncTypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThread>

#include <QThreadPool>
#include <optional>
#include <utility>

#include <deque>
#include <exception>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace rd {

class SyncStore;

// One sync run at a time: catalogue and geography (by ETag), then the
// outbox, then the changes feed, against one server with one token (DESIGN.md §4).
//
// Threads. The engine lives in one thread (the caller's, or a worker the
// SyncController gives it) where its network replies arrive and pages are
// parsed; it owns a second thread where its own cache connection applies
// pages. Parsing page n+1 overlaps applying page n, and the next page is
// asked for as soon as a page's headers name it (Link: rel="next"), so a
// first sync costs about what its slowest stage costs. Every cache write is
// one transaction; a crash anywhere leaves a cache the next run resumes.
//
// Its source files: SyncEngine.cpp (the run, threads, catalogue, ending),
// SyncEnginePush.cpp (the outbox), SyncEnginePull.cpp (the changes feed).
//
// The engine never retries inside a run: whatever cannot be done now (no
// network, 5xx) ends the run or is deferred with backoff, and the scheduler
// starts the next run.
class SyncEngine final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int pageLimit = 2000;
        int transferTimeoutMs = 30'000;
        int pagesInFlight = 3;
        // Outbox actions sent at once, each for a complaint of its own (a
        // complaint's actions go one after another, in order): on a link
        // with a long round trip, 50 actions take a quarter of the time.
        int actionsInFlight = 4;
        int parserThreads = 2;
        // Whether pages are asked for gzip-compressed (ApiClient::Compression).
        ApiClient::Compression compression = ApiClient::Compression::Auto;
        Backoff backoff;
        const Clock *clock = &Clock::system(); // read from the worker and store threads
        std::function<double()> random01;      // default: QRandomGenerator
        CacheOptions cacheOptions;
        // Retention: closed complaints unchanged for this many months leave
        // the cache after each pull (the policy's cache/retention-months;
        // 0 keeps everything, as a bare engine does).
        int retentionMonths = 0;
        std::function<bool()> cacheFaultHook; // tests only
    };

    SyncEngine(QString cachePath, QNetworkAccessManager *network, Options options,
               QObject *parent = nullptr);
    ~SyncEngine() override;
    Q_DISABLE_COPY_MOVE(SyncEngine)

    // Where and as whom to sync. owner names the cache's rightful user
    // ("<server>|<login>"); a cache of another owner is never synced.
    void setSession(const QUrl &server, const QByteArray &token, const QString &owner);
    void setTlsConfiguration(const QSslConfiguration &configuration);
    bool isRunning() const { return m_running; }
    const SyncProgress &progress() const { return m_progress; }

public Q_SLOTS:
    // Starts a run; false (and nothing happens) if one is running already.
    bool start();
    // Stops the run as soon as possible; finished() reports Cancelled. What
    // was applied stays applied.
    void cancel();
    // Builds the text-search index of complaints a big pull left unindexed,
    // a chunk at a time between runs; searchIndexChanged() reports the rest.
    void indexSearchInBackground();

Q_SIGNALS:
    void progressChanged(const rd::SyncProgress &progress);
    void complaintsChanged(const QList<qint64> &ids);
    // The cached geography (or what was wrong reading it) changed.
    void geographyChanged();
    void outboxChanged();
    void searchIndexChanged(qint64 remaining);
    // Indexing ended on a cache error (the message says what to do); the
    // rest stays pending for the next run.
    void searchIndexStopped(const QString &message);
    void finished(const rd::SyncResult &result);

private:
    // A page asked for: its reply, then (off this thread) its parsed content.
    // Pages are handled strictly in the order they were asked for.
    struct PageFetch
    {
        quint64 id = 0;
        QPointer<QNetworkReply> reply;
        QString fromCursor;
        bool done = false; // the reply finished (error or body read)
        ApiError error;
        std::shared_ptr<ApiJson::Parsed<ChangesPage>> parsed; // set when parsing ended
    };

    // Runs f(store) in the store thread and waits; rethrows its exception.
    template<typename F>
    auto onStore(F &&f) -> decltype(f(std::declval<SyncStore &>()));
    // Runs f(store) in the store thread; then(result) or failed(error) back here.
    template<typename R, typename F>
    void postToStore(F f, std::function<void(R)> then,
                     std::function<void(std::exception_ptr)> failed);

    SyncStore &store(); // opens it (store thread only)
    QDateTime now() const;

    // A GET with If-None-Match (the etag, when there is one) as the run's
    // single request; done gets the reply and its body unless the run was
    // cancelled meanwhile.
    void getIfChanged(const QString &path, const QString &etag,
                      std::function<void(QNetworkReply *, const QByteArray &)> done);
    void fetchCatalogue();
    void onCatalogue(QNetworkReply *reply, const QByteArray &body);
    void fetchGeography();
    void onGeography(QNetworkReply *reply, const QByteArray &body);
    // The catalogue and the geography: fetched before the push when the
    // cache has no catalogue yet or its geography failed last time, and
    // after the pull when the feed's last page names other ETags than the
    // cache has (or names none: a server that does not say).
    void fetchReference(bool afterPull, bool catalogueToo = true, bool geographyToo = true);
    void referenceFetched();
    void startPush();
    // Sends queued actions while fewer than actionsInFlight are on their
    // way; the pull starts (or the run ends) when the last one is answered.
    void sendActions();
    struct Queued;
    void sendAction(const Queued &queued);
    void onActionFinished(QNetworkReply *reply, const OutboxAction &action);
    void stopPush(SyncResult::Outcome outcome, const QString &message);
    void actionApplied(const OutboxAction &action, const ApiJson::ParsedComplaint &current);
    void actionConflicted(const OutboxAction &action, const ApiError &error);
    void actionDeferred(const OutboxAction &action, const ApiError &error);
    void actionRefused(const OutboxAction &action, const ApiError &error);
    void startPull(bool forceResync);
    void requestPage(const QString &cursor);
    void onPageHeaders(QNetworkReply *reply);
    void onPageFinished(QNetworkReply *reply);
    void processFetches();
    // The server's data was replaced: pull everything again, unless that
    // was done this run already or old pages are still being applied.
    void resyncOr(const QString &failure);
    void applyPage(ChangesPage page, const QString &fromCursor);
    void onPageApplied(const QString &fromCursor, bool more, bool applied, int records, int stale,
                       int removed, const QList<qint64> &changed);
    void finishPull();
    void abortFetches();
    void fail(SyncResult::Outcome outcome, const QString &message);
    void failWith(const ApiError &error);
    void failWithCache(const std::exception_ptr &error);
    static QString cacheFailure(const std::exception_ptr &error);
    void finish(SyncResult::Outcome outcome, const QString &message);
    void emitProgress();

    QString m_cachePath;
    Options m_options;
    ApiClient m_api;
    QString m_owner;

    QThread m_storeThread;
    QObject *m_storeContext = nullptr;  // lives in m_storeThread
    std::unique_ptr<SyncStore> m_store; // used in m_storeThread only

    bool m_running = false;
    bool m_cancelled = false;
    bool m_failed = false;
    bool m_resyncedThisRun = false;
    bool m_referenceAfterPull = false; // fetchReference's stage
    bool m_geographyToo = true;        // …and whether the geography is asked for
    bool m_catalogueAsked = false;     // in this run (each is asked for once at most)
    bool m_geographyAsked = false;
    std::optional<std::pair<QString, QString>> m_pageEtags; // the last page's, if it named them
    int m_appliesInFlight = 0;
    QPointer<QNetworkReply> m_single; // the catalogue or geography request
    std::deque<PageFetch> m_fetches;
    quint64 m_nextFetchId = 0;
    // No page is asked for ahead until the run's first page is in: on a
    // slow link pages in flight share it, and the first one (the queue the
    // user waits for) would come in a third of the speed.
    bool m_firstPagePending = false;
    quint64 m_generation = 0; // bumped when fetches are dropped: late parses are ignored
    QThreadPool m_parsers;
    QString m_epoch;
    struct Queued
    {
        qint64 seq = 0;
        qint64 complaintId = 0;
        qint64 otherId = 0; // a complaint the action names (duplicate_of), or 0
    };
    QList<Queued> m_pushQueue;
    // Action requests on their way: the complaints each concerns (its own,
    // and the one it names or 0).
    QHash<QNetworkReply *, std::pair<qint64, qint64>> m_sending;
    // Why the push stops once the requests on their way are answered (a
    // lost connection, the cache failing): no more actions go meanwhile.
    std::optional<std::pair<SyncResult::Outcome, QString>> m_pushStop;
    QSet<qint64> m_blocked;
    SyncProgress m_progress;
    SyncResult m_result;
    bool m_indexing = false;
};

} // namespace rd
