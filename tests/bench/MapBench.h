#pragma once

// What the map benchmarks share (map_bench, qtlocation_bench): resident
// memory, per-frame figures, and the desk's step after a sync that turns
// a cache into the map's points.

#include "ClusterIndex.h"
#include "ComplaintState.h"
#include "LocalCache.h"

#include <QDate>
#include <QFile>

#include <algorithm>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace rd::bench {

inline double residentMegabytes()
{
#ifdef __GLIBC__
    malloc_trim(0); // what the filling of the cache freed is not the map's
#endif
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

struct Frames
{
    std::vector<double> ms;
    void add(double value) { ms.push_back(value); }
    double p95() const
    {
        if (ms.empty())
            return 0;
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1, size_t(double(sorted.size()) * 0.95))];
    }
    double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

// The desk's step after a sync: the queue's points from the cache, overdue
// worked out.
inline QList<ClusterIndex::Point> readPoints(LocalCache &cache, const QDate &today)
{
    QList<ClusterIndex::Point> points;
    const QList<ComplaintPoint> found = cache.queue().points(GeoBox::world(), QueueQuery{});
    points.reserve(found.size());
    for (const ComplaintPoint &p : found)
        points.append({p, isAnswerOverdue(p.state, p.dueDate, today)});
    return points;
}

} // namespace rd::bench
