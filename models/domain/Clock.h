#pragma once

#include <QDateTime>

namespace rd {

// The time seam (DESIGN.md §2): everything that reads the time asks a Clock
// passed in through its constructor, never the system clock directly, so a
// test sets or advances the time instead of waiting for it.
class Clock
{
public:
    Clock() = default;
    Clock(const Clock &) = delete;
    Clock &operator=(const Clock &) = delete;
    virtual ~Clock() = default;

    // Now, in UTC.
    virtual QDateTime now() const = 0;

    // The system's clock; lives as long as the program.
    static const Clock &system();
};

// A clock that stands still until told: for tests and benchmarks.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &start = QDateTime::currentDateTimeUtc())
        : m_now(start.toUTC())
    {}
    QDateTime now() const override { return m_now; }
    void set(const QDateTime &time) { m_now = time.toUTC(); }
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};

} // namespace rd
