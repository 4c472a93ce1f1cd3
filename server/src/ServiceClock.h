#pragma once

#include "Clock.h"

namespace rd::server {

// The service's time: the configured clock, moved on by the test hooks'
// advance-clock (docs/api.md "The reference server").
class ServiceClock final : public Clock
{
public:
    explicit ServiceClock(const Clock &base)
        : m_base(base)
    {}

    QDateTime now() const override { return m_base.now().addSecs(m_offsetSecs); }
    void advance(qint64 seconds) { m_offsetSecs += seconds; }

private:
    const Clock &m_base;
    qint64 m_offsetSecs = 0;
};

} // namespace rd::server
