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

} // namespace rd::server
