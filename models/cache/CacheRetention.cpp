// LocalCache's retention and wipe (docs/cache.md, "Retention" and "Wipe").
#include "LocalCache.h"

#include "CacheGuard.h"
#include "sqlite/Database.h"
#include "sqlite/Encryption.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCache)

namespace rd {

namespace {

const QString RetentionMonthsKey = QStringLiteral("retention_months");
const QString RetentionBeforeKey = QStringLiteral("retention_before");

} // namespace

QList<qint64> LocalCache::applyRetention(const QDateTime &now, int months)
{
    return detail::guardedWrite(*m_db, [&] {
        QList<qint64> expired;
        if (months > 0) {
            const QDateTime before = now.toUTC().addMonths(-months);
            const ComplaintStore::Expired gone = complaints().expireClosed(before);
            expired = gone.ids;
            setMeta(RetentionMonthsKey, QString::number(months));
            setMeta(RetentionBeforeKey, QString::number(before.toMSecsSinceEpoch()));
            if (!gone.ids.isEmpty())
                qCInfo(lcCache) << "retention:" << gone.ids.size() << "closed complaints and"
                                << gone.photoIds.size() << "photos unchanged for" << months
                                << "months left the cache";
        } else {
            setMeta(RetentionMonthsKey, {});
            setMeta(RetentionBeforeKey, {});
        }
        return expired;
    });
}

void LocalCache::checkpoint()
{
    detail::guarded([&] { m_db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")); });
}

LocalCache::Coverage LocalCache::coverage()
{
    Coverage c;
    bool monthsOk = false;
    bool beforeOk = false;
    const int months = meta(RetentionMonthsKey).toInt(&monthsOk);
    const qint64 before = meta(RetentionBeforeKey).toLongLong(&beforeOk);
    if (monthsOk && beforeOk && months > 0) {
        c.retentionMonths = months;
        c.closedBefore = QDateTime::fromMSecsSinceEpoch(before, QTimeZone::utc());
    }
    return c;
}

QStringList LocalCache::wipe(const QString &path)
{
    const QFileInfo info(path);
    const QDir folder = info.absoluteDir();
    QStringList files = sqlite::companionFiles(path) << path;
    const QStringList beside = folder.entryList({info.fileName() + QStringLiteral(".*-backup-*"),
                                                 info.fileName() + QStringLiteral(".damaged-*")},
                                                QDir::Files | QDir::Hidden);
    for (const QString &name : beside)
        files.append(folder.filePath(name));
    QStringList left;
    int removed = 0;
    for (const QString &file : std::as_const(files)) {
        if (!QFileInfo::exists(file))
            continue;
        qCDebug(lcCache) << "wiping" << file;
        if (QFile::remove(file))
            ++removed;
        else
            left.append(QDir::toNativeSeparators(file));
    }
    qCInfo(lcCache) << "wiped" << removed << "files of" << path;
    return left;
}

} // namespace rd
