#include "SyncEngineStore.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrlQuery>

namespace rd {

// --- Pull -----------------------------------------------------------------

void SyncEngine::startPull(bool forceResync)
{
    if (m_cancelled) {
        finish(SyncResult::Outcome::Cancelled, tr("Sync cancelled."));
        return;
    }
    m_progress.phase = SyncProgress::Phase::Pulling;
    emitProgress();
    SyncState state;
    try {
        const QDateTime at = now();
        const int months = m_options.retentionMonths;
        state = onStore([forceResync, at, months](SyncStore &s) {
            s.beginPull(forceResync);
            s.setRetentionCutoff(months > 0 ? at.toUTC().addMonths(-months) : QDateTime());
            return s.state();
        });
    } catch (...) {
        failWithCache(std::current_exception());
        return;
    }
    m_epoch = state.epoch;
    m_firstPagePending = true;
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
    // Ask for the next page now, while this one downloads and is parsed
    // (from the second page on: m_firstPagePending).
    if (m_cancelled || m_failed || m_firstPagePending || m_fetches.empty() ||
        m_fetches.back().reply != reply || int(m_fetches.size()) >= m_options.pagesInFlight ||
        ApiClient::statusOf(reply) != 200)
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
            qCInfo(lcSync) << "server asks for a full resync";
            resyncOr(error.toUserText());
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
        if (!m_epoch.isEmpty() && parsed.value->epoch != m_epoch && !fetch.fromCursor.isEmpty()) {
            // The server's data was replaced (a server that does not check
            // the epoch parameter itself): everything again.
            resyncOr(tr("The server's data changed during the sync; it will start over."));
            return;
        }
        applyPage(std::move(*parsed.value), fetch.fromCursor);
    }
}

void SyncEngine::resyncOr(const QString &failure)
{
    abortFetches();
    if (m_resyncedThisRun || m_appliesInFlight > 0) {
        // Pages still being applied are from the old epoch; or the server
        // asks twice in one run: stop, the next run resyncs.
        fail(SyncResult::Outcome::ServerError, failure);
        return;
    }
    m_resyncedThisRun = true;
    m_result.resynced = true;
    startPull(true);
}

void SyncEngine::applyPage(ChangesPage page, const QString &fromCursor)
{
    m_epoch = page.epoch;
    m_firstPagePending = false;
    if (!page.catalogueEtag.isEmpty() && !page.geographyEtag.isEmpty())
        m_pageEtags = std::pair{page.catalogueEtag, page.geographyEtag};
    else
        m_pageEtags.reset();
    m_progress.bytes += page.bytes;
    // The page after this one must start at this page's cursor; a prefetch
    // that guessed otherwise is dropped.
    if (page.more) {
        if (m_fetches.empty() || m_fetches.front().fromCursor != page.cursor) {
            abortFetches();
            requestPage(page.cursor);
        }
    } else {
        abortFetches();
    }
    const bool more = page.more;
    ++m_appliesInFlight;
    postToStore<SyncStore::PageResult>([page = std::move(page), fromCursor](
                                           SyncStore &s) { return s.applyPage(page, fromCursor); },
                                       [this, fromCursor, more](const SyncStore::PageResult &r) {
                                           --m_appliesInFlight;
                                           onPageApplied(fromCursor, more, r.applied, r.records,
                                                         r.stale, r.removed, r.changedIds);
                                       },
                                       [this](const std::exception_ptr &storeError) {
                                           --m_appliesInFlight;
                                           failWithCache(storeError);
                                       });
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
             tr("The local cache was changed by another sync; try again."));
        return;
    }
    if (m_cancelled) {
        if (m_appliesInFlight == 0)
            finish(SyncResult::Outcome::Cancelled, tr("Sync cancelled."));
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
        const SyncStore::PullEnd end = onStore(
            [this](SyncStore &s) { return s.finishPull(now(), m_options.retentionMonths); });
        m_progress.tombstones += end.removed.size();
        m_progress.expired += end.expired.size();
        if (!end.removed.isEmpty() || !end.expired.isEmpty())
            Q_EMIT complaintsChanged(end.removed + end.expired);
    } catch (...) {
        failWithCache(std::current_exception());
        return;
    }
    fetchReference(true);
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

} // namespace rd
