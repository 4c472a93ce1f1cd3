// regiondesk-server admin photos …, and the photos of admin backup
// (docs/deployment.md, "Photos").

#include "AdminTools.h"
#include "PhotoMaintenance.h"
#include "ServerStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace rd::server::admin {

const char *const PhotosUsage =
    "  photos gc [--grace SECONDS] [--dry-run]   (remove what nothing reaches, older than\n"
    "                                            the grace, default 7 days)\n"
    "  photos check          (read every photo file and check it)\n";

namespace {

const PhotoFiles &photoFiles(const ServerStore &store)
{
    if (!store.photoFiles().isConfigured())
        throw Refused(QStringLiteral("give the photos folder: --photos DIR"));
    return store.photoFiles();
}

void collect(ServerStore &store, QStringList args, FILE *out)
{
    const bool dryRun = takeFlag(args, QStringLiteral("--dry-run"));
    bool ok = true;
    const qint64 grace = takeOption(args, QStringLiteral("--grace"))
                             .value_or(QStringLiteral("604800"))
                             .toLongLong(&ok);
    if (!ok || grace < 0 || !args.isEmpty())
        throw std::invalid_argument("photos gc [--grace SECONDS] [--dry-run]");
    const QString dir = photoFiles(store).dir();
    const auto r = PhotoMaintenance::collect(store, QDateTime::currentDateTimeUtc(), grace, dryRun);
    const QString summary = QStringLiteral("%1 rows, %2 files (%3 bytes), %4 unfinished writes")
                                .arg(r.rows.size())
                                .arg(r.files.size())
                                .arg(r.bytes)
                                .arg(r.temporary.size());
    for (const QString &path : r.unknown)
        print(out, QStringLiteral("left alone (not a photo file): %1").arg(path));
    for (const QString &problem : r.problems)
        print(out, problem);
    if (dryRun) {
        print(out, QStringLiteral("would remove %1").arg(summary));
        return;
    }
    const QJsonObject removed{
        {QStringLiteral("rows"), QJsonArray::fromStringList(r.rows)},
        {QStringLiteral("files"), QJsonArray::fromStringList(r.files)},
        {QStringLiteral("bytes"), r.bytes},
        {QStringLiteral("unfinished"), QJsonArray::fromStringList(r.temporary)},
        {QStringLiteral("grace_seconds"), grace}};
    audit(store, QStringLiteral("photos.gc"), dir,
          QString::fromUtf8(QJsonDocument(removed).toJson(QJsonDocument::Compact)), {});
    print(out, QStringLiteral("removed %1").arg(summary));
    if (!r.problems.isEmpty())
        throw Refused(QStringLiteral("some files could not be removed"));
}

void check(ServerStore &store, FILE *out)
{
    const QString dir = photoFiles(store).dir();
    const auto r = PhotoMaintenance::check(store);
    for (const QString &problem : r.problems)
        print(out, problem);
    print(out, QStringLiteral("%1 rows name %2 files in %3: %4 right (%5 bytes), %6 not")
                   .arg(r.rows)
                   .arg(r.files + r.problems.size())
                   .arg(dir)
                   .arg(r.files)
                   .arg(r.bytes)
                   .arg(r.problems.size()));
    if (!r.problems.isEmpty())
        throw Refused(QStringLiteral("some photo files are missing or damaged"));
}

} // namespace

bool runPhotosCommand(ServerStore &store, const QString &what, const QString &command,
                      QStringList args, FILE *out)
{
    if (what != QLatin1String("photos"))
        return false;
    if (command == QLatin1String("gc"))
        collect(store, args, out);
    else if (command == QLatin1String("check") && args.isEmpty())
        check(store, out);
    else
        throw std::invalid_argument("unknown command");
    return true;
}

QString backupPhotos(const ServerStore &live, ServerStore &copy,
                     const std::optional<QString> &photosTo)
{
    if (!photosTo) {
        QSet<QString> files;
        for (const auto &ref : copy.photoFileRefs())
            files.insert(ref.sha256);
        if (files.isEmpty())
            return QStringLiteral("it names no photo file");
        return QStringLiteral("it names %1 photo files, not in it: copy %2 too (or give "
                              "--photos-to DIR)")
            .arg(files.size())
            .arg(live.photoFiles().dir());
    }
    const auto report = PhotoMaintenance::copyFiles(copy, live.photoFiles(), PhotoFiles(*photosTo));
    if (!report.problems.isEmpty())
        throw Refused(QStringLiteral("the backup's photos in %1 are incomplete:\n%2")
                          .arg(*photosTo, report.problems.join(QLatin1Char('\n'))));
    return QStringLiteral("photo files in %1: %2 copied (%3 bytes), %4 there already")
        .arg(*photosTo)
        .arg(report.copied)
        .arg(report.bytes)
        .arg(report.present);
}

} // namespace rd::server::admin
