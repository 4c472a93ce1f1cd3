#pragma once

#include "ApiTypes.h"
#include "Clock.h"
#include "Metrics.h"

#include <QHash>
#include <QMutex>

#include <atomic>

namespace rd::server {

// What the API services of one process share across their worker threads:
// the clock the advance-clock test hook moves, the fault plan of the
// faults test hook, the process's metrics (/metrics) and which refusals
// were logged lately. Everything else a request needs is in the store, so
// several processes on one database stay consistent; this state is per
// process. Thread-safe.
class SharedState final
{
public:
    explicit SharedState(const Clock &base = Clock::system())
        : m_clock(base)
        , m_metrics(base.now().toMSecsSinceEpoch())
    {}
    Q_DISABLE_COPY_MOVE(SharedState)

    // The configured clock moved on by the advance-clock hook.
    ShiftedClock &clock() { return m_clock; }
    const Clock &clock() const { return m_clock; }

    Metrics &metrics() { return m_metrics; }

    // Replaces the planned fault (kind None clears it).
    void planFault(const FaultPlan &plan);
    // The fault planned for a response to path, if any; consumes one use.
    FaultPlan takeFault(const QString &path);

    // Whether a refusal under key (a quota and whom it refused) goes to the
    // audit log now: once a minute per key, so a client hammering at a
    // limit cannot flood the log.
    bool shouldLogRefusal(const QString &key, const QDateTime &now);
    // The newest change sequence number this process has seen (its feed
    // reads note it): how far behind a feed request's cursor is, judged
    // before the request runs. Never ahead of the store; may lag it.
    void noteLastSeq(qint64 seq)
    {
        qint64 seen = m_lastSeq.load(std::memory_order_relaxed);
        while (seq > seen && !m_lastSeq.compare_exchange_weak(seen, seq, std::memory_order_relaxed))
            ;
    }
    qint64 lastSeq() const { return m_lastSeq.load(std::memory_order_relaxed); }

private:
    ShiftedClock m_clock;
    Metrics m_metrics;
    QMutex m_mutex;
    FaultPlan m_fault;                   // guarded by m_mutex
    QHash<QString, qint64> m_refusalLog; // guarded by m_mutex: key → when last logged (ms)
    std::atomic<qint64> m_lastSeq{0};
};

} // namespace rd::server
