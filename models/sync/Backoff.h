#pragma once

#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace rd {

// Exponential backoff with jitter for retrying an outbox action: the n-th
// retry waits about base·2ⁿ⁻¹ (capped), scaled by a random factor in
// [1 − jitter, 1 + jitter] so that many clients coming back online at once do
// not all knock at the same moment.
struct Backoff
{
    qint64 baseMs = 2'000;
    qint64 maxMs = 15LL * 60'000;
    double jitter = 0.5;

    // attempt: 1 for the first retry. random01: uniform in [0, 1).
    qint64 delayMs(int attempt, double random01) const
    {
        const int exponent = std::clamp(attempt - 1, 0, 30);
        const double raw = std::min(double(maxMs), double(baseMs) * std::pow(2.0, exponent));
        const double factor = 1.0 - jitter + 2.0 * jitter * std::clamp(random01, 0.0, 1.0);
        return std::max<qint64>(1, qint64(raw * factor));
    }
};

} // namespace rd
