#include "SharedState.h"

#include <QMutexLocker>

namespace rd::server {

void SharedState::planFault(const FaultPlan &plan)
{
    const QMutexLocker lock(&m_mutex);
    m_fault = plan;
}

FaultPlan SharedState::takeFault(const QString &path)
{
    const QMutexLocker lock(&m_mutex);
    if (m_fault.kind == FaultPlan::Kind::None || m_fault.remaining <= 0 ||
        !path.startsWith(m_fault.pathPrefix))
        return {};
    if (m_fault.skip > 0) {
        --m_fault.skip;
        return {};
    }
    FaultPlan applied = m_fault;
    if (--m_fault.remaining == 0)
        m_fault = {};
    return applied;
}

bool SharedState::shouldLogRefusal(const QString &key, const QDateTime &now)
{
    constexpr qint64 EveryMs = 60'000;
    const qint64 ms = now.toMSecsSinceEpoch();
    const QMutexLocker lock(&m_mutex);
    if (m_refusalLog.size() > 10'000) {
        for (auto it = m_refusalLog.begin(); it != m_refusalLog.end();)
            it = ms - it.value() >= EveryMs ? m_refusalLog.erase(it) : std::next(it);
    }
    auto it = m_refusalLog.find(key);
    if (it != m_refusalLog.end() && ms - it.value() < EveryMs && ms >= it.value())
        return false;
    m_refusalLog.insert(key, ms);
    return true;
}

} // namespace rd::server
