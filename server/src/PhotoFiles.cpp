#include "PhotoFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

#ifdef REGIONDESK_HAVE_LIBCRYPTO
#include <openssl/evp.h>
#endif

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace rd::server {

namespace {

constexpr QFile::Permissions FolderMode =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup;

[[noreturn]] void fail(const QString &message)
{
    throw PhotoFiles::Error(message.toStdString());
}

QString systemError()
{
#ifdef Q_OS_UNIX
    return QString::fromLocal8Bit(std::strerror(errno));
#else
    return QStringLiteral("system error");
#endif
}

// Makes a rename or a new entry in folder durable (POSIX: fsync the folder).
void syncFolder(const QString &folder)
{
#ifdef Q_OS_UNIX
    const int fd =
        ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        fail(QStringLiteral("cannot open folder %1 to sync it: %2").arg(folder, systemError()));
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    // Some file systems cannot sync a folder (EINVAL): their renames are
    // as durable as they get.
    if (rc != 0 && error != EINVAL) {
        errno = error;
        fail(QStringLiteral("cannot sync folder %1: %2").arg(folder, systemError()));
    }
#else
    Q_UNUSED(folder);
#endif
}

// Creates folder (0750) and the folders above it up to root as needed.
void makeFolders(const QString &root, const QString &folder)
{
    if (QFileInfo(folder).isDir())
        return;
    const QString parent = QFileInfo(folder).path();
    if (folder != root)
        makeFolders(root, parent);
    else if (!QFileInfo(parent).isDir() && !QDir().mkpath(parent))
        fail(QStringLiteral("cannot create folder %1").arg(parent));
    // Another process may create it at the same moment: that is fine.
    if (!QDir().mkdir(folder, FolderMode) && !QFileInfo(folder).isDir())
        fail(QStringLiteral("cannot create folder %1: %2").arg(folder, systemError()));
    syncFolder(parent);
}

// Writes data to path through a temporary file in the same folder: synced,
// 0640, renamed into place. Throws Error.
void writeAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    const auto failed = [&](const QString &what, const QString &why) {
        file.cancelWriting();
        fail(QStringLiteral("cannot %1 photo file %2: %3").arg(what, path, why));
    };
    if (!file.open(QIODevice::WriteOnly))
        fail(QStringLiteral("cannot write photo file %1: %2").arg(path, file.errorString()));
#ifdef Q_OS_UNIX
    // Not left to the umask: the server's user writes, its group (a backup
    // account) reads, no one else.
    if (::fchmod(file.handle(), S_IRUSR | S_IWUSR | S_IRGRP) != 0)
        failed(QStringLiteral("set the mode of"), systemError());
#endif
    if (file.write(data) != data.size() || !file.flush())
        failed(QStringLiteral("write"), file.errorString());
#ifdef Q_OS_UNIX
    // QSaveFile::commit() syncs too, but ignores a failure (Qt 6.4 and
    // 6.8 alike); a photo whose bytes may not be on disk is not stored.
    if (::fsync(file.handle()) != 0)
        failed(QStringLiteral("sync"), systemError());
#endif
    if (!file.commit())
        fail(QStringLiteral("cannot write photo file %1: %2").arg(path, file.errorString()));
    syncFolder(QFileInfo(path).path());
}

} // namespace

PhotoFiles::PhotoFiles(const QString &dir)
    : m_dir(QDir::cleanPath(QDir(dir).absolutePath()))
{}

QString PhotoFiles::sha256Of(const QByteArray &data)
{
#ifdef REGIONDESK_HAVE_LIBCRYPTO
    // Every photo served is hashed: libcrypto's SHA-256 (with the CPU's
    // SHA instructions) is about ten times Qt 6.4's (1.8 against 19 ms for
    // 2 MB, docs/benchmarks.md).
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), digest, &size, EVP_sha256(), nullptr) ==
        1)
        return QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(digest), int(size)).toHex());
#endif
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

bool PhotoFiles::isName(const QString &name)
{
    return name.size() == 64 && std::all_of(name.cbegin(), name.cend(), [](QChar c) {
               return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                      (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
           });
}

QString PhotoFiles::pathOf(const QString &name) const
{
    if (!isConfigured())
        fail(QStringLiteral("this server has no photos folder (--photos DIR)"));
    if (!isName(name))
        fail(QStringLiteral("\"%1\" is not the name of a photo file").arg(name.left(80)));
    return QStringLiteral("%1/%2/%3/%4").arg(m_dir, name.left(2), name.mid(2, 2), name);
}

void PhotoFiles::prepare() const
{
    if (!isConfigured())
        fail(QStringLiteral("no photos folder is given (--photos DIR)"));
    if (QFileInfo::exists(m_dir) && !QFileInfo(m_dir).isDir())
        fail(QStringLiteral("photos folder %1 is not a folder").arg(m_dir));
    makeFolders(m_dir, m_dir);
    const QFileInfo info(m_dir);
    if (!info.isDir() || !info.isWritable())
        fail(
            QStringLiteral("photos folder %1 is not a folder this server may write to").arg(m_dir));
}

QString PhotoFiles::put(const QByteArray &data) const
{
    const QString name = sha256Of(data);
    const QString path = pathOf(name);
    QFile there(path);
    if (there.size() == data.size() && there.open(QIODevice::ReadOnly) &&
        there.read(data.size() + 1) == data)
        return name; // the same bytes: files never change
    there.close();
    makeFolders(m_dir, QFileInfo(path).path());
    writeAtomically(path, data);
    return name;
}

void PhotoFiles::ensure(const QByteArray &data, const QString &name) const
{
    const QString path = pathOf(name);
    const QFileInfo info(path);
    if (info.isFile() && info.size() == data.size())
        return;
    makeFolders(m_dir, info.path());
    writeAtomically(path, data);
}

PhotoFiles::Read PhotoFiles::read(const QString &name, qint64 size) const
{
    const QString path = pathOf(name);
    QFile file(path);
    if (!file.exists())
        return {{}, QStringLiteral("photo file %1 is missing").arg(path)};
    if (!file.open(QIODevice::ReadOnly))
        return {{},
                QStringLiteral("photo file %1 cannot be read: %2").arg(path, file.errorString())};
    if (file.size() != size)
        return {{},
                QStringLiteral("photo file %1 is %2 bytes; the database says %3")
                    .arg(path)
                    .arg(file.size())
                    .arg(size)};
    QByteArray data = file.read(size);
    if (data.size() != size)
        return {{},
                QStringLiteral("photo file %1 cannot be read: %2").arg(path, file.errorString())};
    if (sha256Of(data) != name)
        return {{},
                QStringLiteral("photo file %1 is damaged: its bytes do not hash to its name")
                    .arg(path)};
    return {data, {}};
}

QList<PhotoFiles::Entry> PhotoFiles::entries() const
{
    QList<Entry> out;
    if (!isConfigured())
        return out;
    QDirIterator it(m_dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        Entry e{info.fileName(), info.filePath(), Kind::Unknown, info.size(), info.lastModified()};
        const QString base = e.name.left(64);
        if (isName(base) && QDir::cleanPath(info.filePath()) ==
                                QFileInfo(pathOf(base)).path() + QLatin1Char('/') + e.name)
            e.kind = e.name.size() == 64                 ? Kind::Photo
                     : e.name.at(64) == QLatin1Char('.') ? Kind::Temporary
                                                         : Kind::Unknown;
        out.append(e);
    }
    return out;
}

QDateTime PhotoFiles::modified(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.lastModified() : QDateTime();
}

} // namespace rd::server
