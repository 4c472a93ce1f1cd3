#pragma once

#include "ApiTypes.h"
#include "Clock.h"

#include <QMutex>

namespace rd::server {

// What the API services of one process share across their worker threads:
// the clock the advance-clock test hook moves, and the fault plan of the
// faults test hook. Everything else a request needs is in the store, so
// several processes on one database stay consistent; this state is per
// process (test hooks only: a test runs one process). Thread-safe.
class SharedState final
{
public:
    explicit SharedState(const Clock &base = Clock::system())
        : m_clock(base)
    {}
    Q_DISABLE_COPY_MOVE(SharedState)

    // The configured clock moved on by the advance-clock hook.
    ShiftedClock &clock() { return m_clock; }
    const Clock &clock() const { return m_clock; }

    // Replaces the planned fault (kind None clears it).
    void planFault(const FaultPlan &plan);
    // The fault planned for a response to path, if any; consumes one use.
    FaultPlan takeFault(const QString &path);

private:
    ShiftedClock m_clock;
    QMutex m_mutex;
    FaultPlan m_fault; // guarded by m_mutex
};

} // namespace rd::server
