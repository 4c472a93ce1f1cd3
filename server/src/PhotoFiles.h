#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <stdexcept>

namespace rd::server {

// The bytes of uploaded photos, outside the database (docs/deployment.md,
// "Photos"): one file per distinct content, named by the SHA-256 of its
// bytes (64 lowercase hex digits) under two levels of fan-out folders,
// DIR/ab/cd/abcd…. The name is the checksum, the same photo uploaded twice
// is one file, and a file never changes once it is there, so several
// server processes may share the folder (over a shared file system) and a
// backup may copy it file by file while servers run.
//
// A file is written to a temporary file in its final folder, synced, given
// mode 0640 and renamed into place (a reader sees the whole file or none),
// then the folder is synced; folders are made 0750. A read checks the size
// the database gives and the hash, so a damaged or missing file is an
// error, never wrong bytes. Names come only from hashes (checked to be hex
// digits), never from a request, so no path can leave the folder.
//
// Holds nothing but the folder's path: one object may serve every thread.
class PhotoFiles final
{
public:
    // A file that cannot be written or read as it must (the message says
    // which file and why).
    class Error final : public std::runtime_error
    {
    public:
        using std::runtime_error::runtime_error;
    };

    PhotoFiles() = default; // no folder: a store that holds no uploaded photos
    explicit PhotoFiles(const QString &dir);

    bool isConfigured() const { return !m_dir.isEmpty(); }
    const QString &dir() const { return m_dir; }

    static QString sha256Of(const QByteArray &data);
    // 64 lowercase hex digits: the only names a photo file has.
    static bool isName(const QString &name);
    // Where file name lives; throws Error for anything but a name.
    QString pathOf(const QString &name) const;

    // Creates the folder (0750) if it is not there and checks it can be
    // written to; throws Error saying what is wrong.
    void prepare() const;

    // Makes sure a file holds data and returns its name: writes it unless a
    // file of that name holds these very bytes (read and compared, so a
    // damaged one is replaced). Throws Error.
    QString put(const QByteArray &data) const;
    // The same when put(data) has just run and gave name: a file of that
    // name and size is trusted (a stat, cheap under a lock); one that went
    // meanwhile is written again.
    void ensure(const QByteArray &data, const QString &name) const;

    struct Read
    {
        QByteArray data; // empty when error is set
        QString error;   // the file is missing, of another size, or damaged
    };
    // The bytes of file name, which must be size bytes long and hash to name.
    Read read(const QString &name, qint64 size) const;

    enum class Kind
    {
        Photo,     // a file named by a hash
        Temporary, // a write that never finished (a crash): "<name>.…"
        Unknown    // anything else: left alone, reported
    };
    struct Entry
    {
        QString name; // the file's name (for a photo: its hash)
        QString path;
        Kind kind = Kind::Unknown;
        qint64 size = 0;
        QDateTime modified;
    };
    // Every file under the folder.
    QList<Entry> entries() const;
    // The modification time of file path now; invalid if it is gone.
    static QDateTime modified(const QString &path);

private:
    QString m_dir;
};

} // namespace rd::server
