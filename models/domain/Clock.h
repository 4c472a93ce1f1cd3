#pragma once

#include <QDateTime>

#include <atomic>

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

// A clock that stands still until told: for tests and benchmarks. Safe to
// read from one thread while another sets it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &start)
        : m_ms(start.toMSecsSinceEpoch())
    {}
    QDateTime now() const override;
    void set(const QDateTime &time) { m_ms = time.toMSecsSinceEpoch(); }
    void advance(qint64 seconds) { m_ms += seconds * 1000; }

private:
    std::atomic<qint64> m_ms;
};

// Another clock's time (by default the system's) moved by an offset that can
// change (tests: make backoff delays or expiries pass without waiting; the
// reference server's advance-clock hook). Safe across threads.
class ShiftedClock final : public Clock
{
public:
    explicit ShiftedClock(const Clock &base = Clock::system())
        : m_base(base)
    {}
    QDateTime now() const override;
    void setOffsetSeconds(qint64 seconds) { m_offset = seconds; }
    void advance(qint64 seconds) { m_offset += seconds; }

private:
    const Clock &m_base;
    std::atomic<qint64> m_offset{0};
};

} // namespace rd
