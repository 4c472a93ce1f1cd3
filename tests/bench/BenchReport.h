#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace rd::bench {

// A timer's reading in milliseconds, with its nanosecond precision.
inline double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Prints figures in DESIGN.md §6's form and remembers whether any was over
// its budget; the program's exit code says so (scripts/bench sums them up).
class BenchReport final
{
public:
    // count: the complaints the run measures; the region's run (from
    // 1 000 000 on, scripts/bench scale) prints its figures as
    // scale.<area>.<name>.
    // With REGIONDESK_BENCH_ENCRYPTED set (scripts/bench runs the cache and
    // sync programs once without, once with), <area>.encrypted.<name>: the
    // caches are opened with benchCacheKey().
    explicit BenchReport(const char *area, int count = 100'000)
        : m_area((count >= 1'000'000 ? QByteArray("scale.") + area : QByteArray(area)) +
                 (qEnvironmentVariableIsSet("REGIONDESK_BENCH_ENCRYPTED") ? ".encrypted" : ""))
    {}

    void figure(const QString &name, double value, const char *unit, double budget)
    {
        std::printf("bench: %s.%s %.3g %s budget %g%s\n", m_area.constData(), qPrintable(name),
                    value, unit, budget, value > budget ? "  OVER BUDGET" : "");
        std::fflush(stdout);
        if (value > budget)
            m_over = true;
    }
    // Information that has no budget of its own (context for a figure).
    void note(const QString &text)
    {
        std::printf("# %s: %s\n", m_area.constData(), qPrintable(text));
        std::fflush(stdout);
    }
    int exitCode() const { return m_over ? 1 : 0; }

private:
    const QByteArray m_area;
    bool m_over = false;
};

// The key a benchmark opens its caches with: empty (plain) unless
// REGIONDESK_BENCH_ENCRYPTED is set, then a fixed 32-byte key.
inline QByteArray benchCacheKey()
{
    return qEnvironmentVariableIsSet("REGIONDESK_BENCH_ENCRYPTED")
               ? QByteArray("regiondesk-benchmark-key-32bytes")
               : QByteArray();
}

// A run's size: the figures of the default run (100 000 complaints,
// DESIGN.md §6) are named _100k; the region's run (scripts/bench scale,
// 1 000 000) _1m, any other size by its count.
inline QString sized(const char *name, int count)
{
    const QString size = count == 100'000     ? QStringLiteral("100k")
                         : count == 1'000'000 ? QStringLiteral("1m")
                                              : QString::number(count);
    return QStringLiteral("%1_%2").arg(QLatin1String(name), size);
}
// The budget for a run of count complaints: DESIGN.md §6's up to 100 000,
// the region's (issue 24) from 1 000 000 on.
inline double atScale(int count, double budget, double regionBudget)
{
    return count >= 1'000'000 ? regionBudget : budget;
}

// Runs f `runs` times and returns the median wall time in milliseconds.
inline double medianMs(int runs, const std::function<void()> &f)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

inline double maxMs(int runs, const std::function<void()> &f)
{
    double worst = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        worst = std::max(worst, double(timer.nsecsElapsed()) / 1e6);
    }
    return worst;
}

} // namespace rd::bench
