#pragma once

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
    explicit BenchReport(const char *area)
        : m_area(area)
    {}

    void figure(const char *name, double value, const char *unit, double budget)
    {
        std::printf("bench: %s.%s %.3g %s budget %g%s\n", m_area, name, value, unit, budget,
                    value > budget ? "  OVER BUDGET" : "");
        std::fflush(stdout);
        if (value > budget)
            m_over = true;
    }
    // Information that has no budget of its own (context for a figure).
    void note(const QString &text)
    {
        std::printf("# %s: %s\n", m_area, qPrintable(text));
        std::fflush(stdout);
    }
    int exitCode() const { return m_over ? 1 : 0; }

private:
    const char *m_area;
    bool m_over = false;
};

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
