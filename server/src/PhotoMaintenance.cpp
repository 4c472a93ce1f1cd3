#include "PhotoMaintenance.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace rd::server::PhotoMaintenance {

namespace {

// Removals per write transaction: writers wait for one batch at most.
constexpr int Batch = 100;

void removeRows(ServerStore &store, const QDateTime &cutoff, bool dryRun, GcReport &report)
{
    const QList<ServerStore::PhotoRef> candidates = store.unattachedPhotos(cutoff);
    for (qsizetype at = 0; at < candidates.size(); at += Batch) {
        QStringList ids;
        for (const auto &ref : candidates.mid(at, Batch))
            ids.append(ref.id);
        ServerStore::WriteTransaction transaction(store);
        // Again under the lock: an answer may have attached one since.
        for (const auto &ref : store.unattachedPhotos(cutoff, ids)) {
            if (!dryRun)
                store.deletePhoto(ref.id);
            report.rows.append(ref.id);
        }
        transaction.commit();
    }
}

void removeFiles(ServerStore &store, const QDateTime &cutoff, bool dryRun, GcReport &report)
{
    // Named by a row that stays (a dry run removed none: leave out those it
    // would have).
    const QSet<QString> goneRows(report.rows.cbegin(), report.rows.cend());
    QSet<QString> named;
    for (const auto &ref : store.photoFileRefs()) {
        if (!goneRows.contains(ref.id))
            named.insert(ref.sha256);
    }
    QList<PhotoFiles::Entry> candidates;
    for (const PhotoFiles::Entry &e : store.photoFiles().entries()) {
        if (e.kind == PhotoFiles::Kind::Unknown)
            report.unknown.append(e.path);
        else if (e.modified < cutoff &&
                 !(e.kind == PhotoFiles::Kind::Photo && named.contains(e.name)))
            candidates.append(e);
    }
    // Empty folders stay: an upload may be about to write into one.
    for (qsizetype at = 0; at < candidates.size(); at += Batch) {
        ServerStore::WriteTransaction transaction(store);
        for (const PhotoFiles::Entry &e : candidates.mid(at, Batch)) {
            // Again under the lock, which every upload takes to add its
            // row: a row may name it now, or an upload may have written it
            // again.
            const bool photo = e.kind == PhotoFiles::Kind::Photo;
            if ((photo && !dryRun && store.photoFileInUse(e.name)) ||
                !(PhotoFiles::modified(e.path) < cutoff))
                continue;
            if (!dryRun && !QFile::remove(e.path)) {
                report.problems.append(QStringLiteral("%1: cannot remove it").arg(e.path));
                continue;
            }
            if (photo) {
                report.files.append(e.name);
                report.bytes += e.size;
            } else {
                report.temporary.append(e.path);
            }
        }
        transaction.commit();
    }
}

} // namespace

GcReport collect(ServerStore &store, const QDateTime &now, qint64 graceSecs, bool dryRun)
{
    const QDateTime cutoff = now.addSecs(-graceSecs);
    GcReport report;
    removeRows(store, cutoff, dryRun, report);
    removeFiles(store, cutoff, dryRun, report);
    return report;
}

CheckReport check(ServerStore &store)
{
    CheckReport report;
    QSet<QString> seen;
    for (const auto &ref : store.photoFileRefs()) {
        ++report.rows;
        if (seen.contains(ref.sha256))
            continue;
        seen.insert(ref.sha256);
        PhotoFiles::Read read;
        try {
            read = store.photoFiles().read(ref.sha256, ref.bytes);
        } catch (const PhotoFiles::Error &error) {
            read.error = QString::fromLocal8Bit(error.what());
        }
        if (!read.error.isEmpty()) {
            report.problems.append(QStringLiteral("photo %1: %2").arg(ref.id, read.error));
            continue;
        }
        ++report.files;
        report.bytes += ref.bytes;
    }
    return report;
}

CopyReport copyFiles(ServerStore &store, const PhotoFiles &from, const PhotoFiles &to)
{
    to.prepare();
    CopyReport report;
    QSet<QString> seen;
    for (const auto &ref : store.photoFileRefs()) {
        if (seen.contains(ref.sha256))
            continue;
        seen.insert(ref.sha256);
        const QFileInfo there(to.pathOf(ref.sha256));
        if (there.isFile() && there.size() == ref.bytes) {
            ++report.present;
            continue;
        }
        const PhotoFiles::Read read = from.read(ref.sha256, ref.bytes);
        if (!read.error.isEmpty()) {
            report.problems.append(QStringLiteral("photo %1: %2").arg(ref.id, read.error));
            continue;
        }
        to.put(read.data);
        ++report.copied;
        report.bytes += ref.bytes;
    }
    return report;
}

} // namespace rd::server::PhotoMaintenance
