#pragma once

#include "CacheSchema.h"
#include "DemoGenerator.h"
#include "LocalCache.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QString>

namespace rd::bench {

// A cache file with `count` demo complaints (Omsk, as of `now`) and the demo
// catalogue, written in one transaction; the search index built.
//
// With REGIONDESK_BENCH_KEEP naming a directory (scripts/bench sets it), the
// filled file is kept there, per count, day and cache schema, and copied on
// the next run: a region's million takes minutes to generate, once.
inline void fillDemoCache(const QString &path, int count,
                          const QDateTime &now = QDateTime::currentDateTimeUtc())
{
    const QString keep = qEnvironmentVariable("REGIONDESK_BENCH_KEEP");
    QString kept;
    if (!keep.isEmpty()) {
        kept = QDir(keep).filePath(QStringLiteral("demo-cache-%1-%2-v%3.sqlite")
                                       .arg(count)
                                       .arg(now.toString(QStringLiteral("yyyyMMdd")))
                                       .arg(CacheSchema::latestVersion()));
        if (QFile::exists(kept) && QFile::copy(kept, path))
            return;
    }
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
    } // closed: the write-ahead log is in the file
    if (!kept.isEmpty()) {
        const QString part = kept + QStringLiteral(".part");
        QDir().mkpath(keep);
        QFile::remove(part);
        if (QFile::copy(path, part))
            QFile::rename(part, kept);
    }
}

} // namespace rd::bench
