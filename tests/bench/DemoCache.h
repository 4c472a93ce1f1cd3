#pragma once

#include "DemoGenerator.h"
#include "LocalCache.h"

#include <QDateTime>
#include <QString>

namespace rd::bench {

// A cache file with `count` demo complaints (Omsk, as of `now`) and the demo
// catalogue, written in one transaction; the search index built.
inline void fillDemoCache(const QString &path, int count,
                          const QDateTime &now = QDateTime::currentDateTimeUtc())
{
    const auto cache = LocalCache::open(path);
    demo::DemoGenerator generator(2026, now);
    const QList<demo::DemoComplaint> demo = generator.generate(count);
    LocalCache::WriteTransaction transaction(*cache);
    cache->catalogue().replace(demo::DemoGenerator::catalogue());
    QList<Complaint> complaints;
    complaints.reserve(demo.size());
    for (const auto &item : demo)
        complaints.append(item.complaint);
    cache->complaints().upsert(complaints);
    transaction.commit();
    cache->search().indexPending();
}

} // namespace rd::bench
