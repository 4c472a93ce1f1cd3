#include "Clock.h"

#include "TimeUtil.h"

namespace rd {

namespace {

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace

QDateTime ManualClock::now() const
{
    return utcFromMs(m_ms);
}

QDateTime ShiftedClock::now() const
{
    return m_base.now().addSecs(m_offset);
}

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

} // namespace rd
