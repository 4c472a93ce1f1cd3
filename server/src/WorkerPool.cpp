#include "WorkerPool.h"

#include "ApiService.h"
#include "ServerStore.h"
#include "SharedState.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QThread>

#include <cerrno>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include "WindowsApi.h"
#endif

Q_LOGGING_CATEGORY(lcWorkers, "regiondesk.server.workers")

namespace rd::server {

namespace {

constexpr qint64 CatalogueRefreshMs = 1000;

// A failed look (the database away a moment) must not cost the job.
void refreshCatalogue(ServerStore &store)
{
    try {
        store.refreshCatalogue();
    } catch (const std::exception &error) {
        qCWarning(lcWorkers) << "reading the catalogue again failed:" << error.what();
    }
}

// Lowers the calling thread's CPU priority: on Linux its nice value (which
// setpriority sets per thread there), elsewhere the thread priority. A
// failure only costs the preference.
void lowerThisThreadsPriority(const QString &name)
{
#if defined(Q_OS_LINUX)
    // The least share there is (nice 19: about 1/70 of a normal thread's
    // when both want the CPU). At nice 10 (a tenth) three first syncs'
    // pages and the guessers' hashing together still took enough of two
    // cores to push the honest polls' p99 past 50 ms in the load run.
    constexpr int BackgroundNice = 19;
    errno = 0;
    const int now = ::getpriority(PRIO_PROCESS, ::gettid());
    if ((now != -1 || errno == 0) &&
        ::setpriority(PRIO_PROCESS, ::gettid(), std::min(19, now + BackgroundNice)) == 0)
        return;
#elif defined(Q_OS_WIN)
    if (::SetThreadPriority(::GetCurrentThread(), THREAD_PRIORITY_LOWEST))
        return;
#endif
    qCWarning(lcWorkers) << name << "could not lower its priority";
}

} // namespace

WorkerPool::WorkerPool(QString name, int threads, StoreFactory factory, const ServerConfig &config,
                       SharedState &shared, int urgentThreads, Priority priority)
    : m_name(std::move(name))
    , m_threads(std::max(1, threads) + std::max(0, urgentThreads))
    , m_urgentThreads(std::max(0, urgentThreads))
    , m_priority(priority)
    , m_factory(std::move(factory))
    , m_config(config)
    , m_shared(shared)
    , m_depth(shared.metrics().queueDepth(m_name))
{}

WorkerPool::~WorkerPool()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (Lane &lane : m_lanes)
            lane = {};
        m_queued = 0;
        m_depth.store(0);
    }
    m_wake.notify_all();
    for (std::thread &worker : m_workers)
        worker.join();
}

QString WorkerPool::start()
{
    // One worker at a time opens its store: opening runs the schema and
    // switches to WAL, which concurrent first opens of one SQLite file can
    // fail with "database is locked" before their busy timeout is set.
    for (int i = 0; i < m_threads; ++i) {
        m_workers.emplace_back([this, i] { run(i); });
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this, i] { return m_started == i + 1 || !m_startError.isEmpty(); });
        if (!m_startError.isEmpty())
            return m_startError;
    }
    return {};
}

void WorkerPool::post(const QString &key, Job job, bool urgent)
{
    {
        const std::lock_guard lock(m_mutex);
        Lane &lane = m_lanes[urgent ? 0 : 1];
        std::deque<Job> &queue = lane.queues[key];
        if (queue.empty())
            lane.turns.push_back(key);
        queue.push_back(std::move(job));
        m_depth.store(++m_queued);
    }
    m_wake.notify_all(); // an urgent-only thread would ignore a plain job's wake-up
}

qsizetype WorkerPool::queued() const
{
    const std::lock_guard lock(m_mutex);
    return m_queued;
}

bool WorkerPool::take(Job *job, bool urgentOnly)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this, urgentOnly] {
        return m_stopping || (urgentOnly ? !m_lanes[0].turns.empty() : m_queued > 0);
    });
    if (m_stopping)
        return false;
    Lane &lane = m_lanes[0].turns.empty() ? m_lanes[1] : m_lanes[0];
    const QString key = lane.turns.front();
    lane.turns.pop_front();
    auto it = lane.queues.find(key);
    *job = std::move(it->front());
    it->pop_front();
    m_depth.store(--m_queued);
    if (it->empty())
        lane.queues.erase(it);
    else
        lane.turns.push_back(key); // its next job after the other keys' next ones
    return true;
}

void WorkerPool::run(int index)
{
    QThread::currentThread()->setObjectName(QStringLiteral("%1-%2").arg(m_name).arg(index));
    const bool urgentOnly = index >= m_threads - m_urgentThreads;
    if (m_priority == Priority::Background && !urgentOnly)
        lowerThisThreadsPriority(QThread::currentThread()->objectName());
    std::unique_ptr<ServerStore> store;
    std::unique_ptr<ApiService> api;
    try {
        store = m_factory();
        api = std::make_unique<ApiService>(*store, m_config, m_shared);
        m_shared.noteLastSeq(store->lastSeq()); // for telling bulk feed requests from the first
    } catch (const std::exception &error) {
        const std::lock_guard lock(m_mutex);
        m_startError = QStringLiteral("%1 worker %2: %3")
                           .arg(m_name)
                           .arg(index)
                           .arg(QString::fromLocal8Bit(error.what()));
        m_ready.notify_all();
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        ++m_started;
    }
    m_ready.notify_all();
    Worker worker{*store, *api};
    Job job;
    QElapsedTimer sinceRefresh;
    sinceRefresh.start();
    while (take(&job, urgentOnly)) {
        try {
            // A catalogue changed by an admin command or another server
            // process is taken within a second.
            if (sinceRefresh.hasExpired(CatalogueRefreshMs)) {
                sinceRefresh.restart();
                refreshCatalogue(*store);
            }
            job(worker);
        } catch (const std::exception &error) {
            qCWarning(lcWorkers) << m_name << "job failed:" << error.what();
        }
        job = nullptr;
    }
}

} // namespace rd::server
