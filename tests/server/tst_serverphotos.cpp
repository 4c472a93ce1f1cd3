// Uploaded photos live outside the database (docs/deployment.md, "Photos"):
// a file named by the SHA-256 of the stored bytes under DIR/photos/ab/cd/,
// 0640 in 0750 folders, the row keeping only what the photo is and its
// hash; served byte for byte, one file for the same photo twice; a damaged
// or missing file is a logged 500 for that photo alone; a database from
// before (photos as blobs) has them moved out on its first start, and a
// failure halfway loses nothing; "admin photos gc" removes what nothing
// reaches; a backup restored serves every photo. On both stores.

#include "TestServer.h"
#include "sqlite/Database.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using rd::test::HttpResult;
using rd::test::TestServer;

namespace {

// The schema steps that moved photos out (SqliteServerStore.cpp,
// PgServerStore.cpp); a database one step before is "from before".
constexpr int SqlitePhotoStep = 6;
constexpr int PgPhotoStep = 5;
constexpr qint64 EightDaysMs = 8LL * 24 * 3600 * 1000; // past the default grace (7 days)

QByteArray png(Qt::GlobalColor color, int width = 48, int height = 32)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString photosDir(const QString &dataDir)
{
    return dataDir + QStringLiteral("/photos");
}

QString fileOf(const QString &dataDir, const QString &hash)
{
    return QStringLiteral("%1/%2/%3/%4")
        .arg(photosDir(dataDir), hash.left(2), hash.mid(2, 2), hash);
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

void setAge(const QString &path, qint64 ms)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) ||
        !f.setFileTime(QDateTime::currentDateTimeUtc().addMSecs(-ms), QFile::FileModificationTime))
        qFatal("cannot age %s", qPrintable(path));
}

int countFiles(const QString &dir)
{
    int n = 0;
    for (QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories); it.hasNext(); it.next())
        ++n;
    return n;
}

void copyTree(const QString &from, const QString &to)
{
    for (QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        const QString path = it.next();
        writeFile(to + path.mid(from.size()), contents(path));
    }
}

// Rows as psql -tA prints them (columns split by "|"), on either store.
QString query(const QString &dataDir, const QString &sql)
{
    if (rd::test::testsPostgres())
        return rd::test::postgresQuery(dataDir, sql);
    rd::sqlite::Database db(dataDir + QStringLiteral("/server.sqlite"),
                            rd::sqlite::Database::OpenMode::ReadWrite);
    db.exec(QStringLiteral("PRAGMA busy_timeout = 10000"));
    rd::sqlite::Statement s(db, sql);
    QStringList rows;
    while (s.step()) {
        QStringList columns;
        for (int c = 0; c < s.columnCount(); ++c)
            columns.append(s.text(c));
        rows.append(columns.join(QLatin1Char('|')));
    }
    return rows.join(QLatin1Char('\n'));
}

QString schemaVersion(const QString &dataDir)
{
    return query(dataDir, rd::test::testsPostgres()
                              ? QStringLiteral("SELECT max(version) FROM schema_migrations")
                              : QStringLiteral("PRAGMA user_version"));
}

bool hasBlobColumn(const QString &dataDir)
{
    return query(dataDir, rd::test::testsPostgres()
                              ? QStringLiteral("SELECT count(*) FROM information_schema.columns "
                                               "WHERE table_name = 'photos' AND column_name = "
                                               "'data'")
                              : QStringLiteral("SELECT count(*) FROM pragma_table_info('photos') "
                                               "WHERE name = 'data'")) == QLatin1String("1");
}

// Makes dataDir's database as a server from before left it: the photos'
// bytes as blobs in their rows, no hash, the schema one step before, no
// photo files.
void asBefore(const QString &dataDir, const QHash<QString, QByteArray> &bytes)
{
    if (rd::test::testsPostgres()) {
        query(dataDir, QStringLiteral("ALTER TABLE photos ADD COLUMN data BYTEA"));
        for (auto it = bytes.cbegin(); it != bytes.cend(); ++it)
            query(dataDir, QStringLiteral("UPDATE photos SET data = decode('%1', 'hex') WHERE id "
                                          "= '%2'")
                               .arg(QString::fromLatin1(it.value().toHex()), it.key()));
        query(dataDir, QStringLiteral("ALTER TABLE photos DROP COLUMN sha256; ALTER TABLE photos "
                                      "DROP COLUMN added_at; DELETE FROM schema_migrations WHERE "
                                      "version >= %1")
                           .arg(PgPhotoStep));
    } else {
        rd::sqlite::Database db(dataDir + QStringLiteral("/server.sqlite"),
                                rd::sqlite::Database::OpenMode::ReadWrite);
        db.exec(
            QStringLiteral("DROP INDEX photos_sha256; ALTER TABLE photos ADD COLUMN data BLOB"));
        for (auto it = bytes.cbegin(); it != bytes.cend(); ++it)
            db.prepare(QStringLiteral("UPDATE photos SET data = ?1 WHERE id = ?2"))
                .bind(1, it.value())
                .bind(2, it.key())
                .run();
        db.exec(QStringLiteral("ALTER TABLE photos DROP COLUMN sha256; ALTER TABLE photos DROP "
                               "COLUMN added_at; PRAGMA user_version = %1")
                    .arg(SqlitePhotoStep - 1));
    }
    QDir(photosDir(dataDir)).removeRecursively();
}

// Files in dataDir's photos folder that no row names: an old photo file, a
// young one, a temporary file a crash left (old), and something else.
struct Strays
{
    QString oldStray;
    QString youngStray;
    QString unfinished;
    QString unknown;
};

Strays strays(const QString &dataDir)
{
    const Strays s{fileOf(dataDir, sha256("a file no row names")),
                   fileOf(dataDir, sha256("one written a moment ago")),
                   fileOf(dataDir, sha256("a crash mid-write")) + QStringLiteral(".Ab12Cd"),
                   photosDir(dataDir) + QStringLiteral("/README.txt")};
    writeFile(s.oldStray, "a file no row names");
    writeFile(s.youngStray, "one written a moment ago");
    writeFile(s.unfinished, "a crash mid");
    writeFile(s.unknown, "notes");
    for (const QString &path : {s.oldStray, s.unfinished})
        setAge(path, EightDaysMs);
    return s;
}

using Run = rd::test::ServerRun;

Run run(const QStringList &arguments)
{
    return rd::test::runServerProcess(arguments);
}

Run admin(const QString &dataDir, const QStringList &arguments)
{
    return run(QStringList{QStringLiteral("admin")} + rd::test::storeArguments(dataDir) +
               arguments);
}

} // namespace

class TestServerPhotos : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server; // with its log captured
    QByteArray m_token;
    QTemporaryDir m_files;

    static QList<qint64> published(TestServer &server, const QByteArray &token)
    {
        QList<qint64> ids;
        for (const QJsonObject &c : server.pullAll(token).records) {
            if (c.value(QStringLiteral("state")).toString() == QLatin1String("published"))
                ids.append(c.value(QStringLiteral("id")).toInteger());
        }
        return ids;
    }
    static QString upload(TestServer &server, const QByteArray &token, qint64 complaint,
                          const QByteArray &bytes)
    {
        const HttpResult r = server.request(
            "POST", QStringLiteral("/api/v1/complaints/%1/photos").arg(complaint), bytes,
            {{"Authorization", "Bearer " + token}, {"Content-Type", "image/png"}});
        if (r.status != 201)
            qWarning("upload answered %d: %s", r.status, r.body.constData());
        return r.json().value(QStringLiteral("id")).toString();
    }
    static HttpResult media(TestServer &server, const QByteArray &token, const QString &id)
    {
        return server.get(QStringLiteral("/api/v1/media/") + id, token);
    }
    QString upload(const QByteArray &bytes)
    {
        return upload(*m_server, m_token, published(*m_server, m_token).first(), bytes);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(40, QStringList{}, true);
        QVERIFY(m_server->isRunning());
        m_token = m_server->signIn(QStringLiteral("clerk"));
        QVERIFY(!m_token.isEmpty());
    }

    void anUploadIsAFileNamedByItsHash()
    {
        const QString id = upload(png(Qt::darkCyan, 64, 48));
        QVERIFY(!id.isEmpty());
        const HttpResult served = media(*m_server, m_token, id);
        QCOMPARE(served.status, 200);
        const QString hash = sha256(served.body);
        const QString path = fileOf(m_server->dataDir(), hash);
        QCOMPARE(contents(path), served.body); // byte for byte what is served
        QCOMPARE(served.header("ETag"), '"' + hash.toLatin1() + '"');
        // The row keeps what the photo is and its hash; no blob column.
        const QString dir = m_server->dataDir();
        QCOMPARE(
            query(dir, QStringLiteral("SELECT sha256, bytes FROM photos WHERE id = '%1'").arg(id)),
            QStringLiteral("%1|%2").arg(hash).arg(served.body.size()));
        QVERIFY(!hasBlobColumn(dir));
#ifdef Q_OS_UNIX
        const auto mode = [](const QString &p) {
            return QFileInfo(p).permissions() &
                   (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                    QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther |
                    QFile::ExeOther);
        };
        QCOMPARE(mode(path), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
        const auto folder = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                            QFile::ReadGroup | QFile::ExeGroup;
        for (const QString &p :
             {QFileInfo(path).path(), QFileInfo(path).path().chopped(3), photosDir(dir)})
            QCOMPARE(mode(p), folder);
#endif
    }

    void theSamePhotoTwiceIsOneFile()
    {
        const QByteArray bytes = png(Qt::darkMagenta);
        const QString first = upload(bytes);
        const QString second = upload(bytes);
        QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
        const QString dir = m_server->dataDir();
        const QString hashes =
            query(dir, QStringLiteral("SELECT DISTINCT sha256 FROM photos WHERE id IN ('%1', '%2')")
                           .arg(first, second));
        QCOMPARE(hashes.size(), 64); // one hash for both rows
        QCOMPARE(countFiles(photosDir(dir)),
                 query(dir, QStringLiteral("SELECT count(DISTINCT sha256) FROM photos")).toInt());
        QCOMPARE(media(*m_server, m_token, first).body, media(*m_server, m_token, second).body);
    }

    void demoPhotosAreStillDrawn()
    {
        const QByteArray moderator = m_server->signIn(QStringLiteral("moderator"));
        const int files = countFiles(photosDir(m_server->dataDir()));
        int drawn = 0;
        for (const QJsonObject &c : m_server->pullAll(moderator).records) {
            for (const QJsonValue &p : c.value(QStringLiteral("photos")).toArray()) {
                const HttpResult r =
                    media(*m_server, moderator, p[QStringLiteral("id")].toString());
                QCOMPARE(r.status, 200);
                QCOMPARE(r.header("Content-Type"), QByteArray("image/png"));
                QVERIFY(!QImage::fromData(r.body).isNull());
                if (++drawn == 5)
                    break;
            }
        }
        QVERIFY(drawn > 0);
        QCOMPARE(countFiles(photosDir(m_server->dataDir())), files); // none written
    }

    void aDamagedFileIsA500AndLoggedWhileOthersAreServed()
    {
        const qint64 complaint = published(*m_server, m_token).first();
        const QString damaged = upload(png(Qt::red));
        const QString sound = upload(png(Qt::blue));
        const QByteArray good = media(*m_server, m_token, damaged).body;
        const QByteArray other = media(*m_server, m_token, sound).body;
        const QString path = fileOf(m_server->dataDir(), sha256(good));
        const QByteArray etag = media(*m_server, m_token, damaged).header("ETag");

        QByteArray flipped = good;
        flipped[flipped.size() / 2] = char(flipped.at(flipped.size() / 2) ^ 0x20);
        const QList<QPair<QByteArray, const char *>> faults{
            {flipped, "is damaged"},
            {good.left(good.size() - 7), "bytes; the database says"},
            {QByteArray(), "is missing"}};
        for (const auto &[bytes, said] : faults) {
            if (bytes.isEmpty())
                QVERIFY(QFile::remove(path));
            else
                writeFile(path, bytes);
            const HttpResult r = media(*m_server, m_token, damaged);
            QCOMPARE(r.status, 500);
            QCOMPARE(r.errorCode(), QStringLiteral("photo_unavailable"));
            QVERIFY(!r.body.contains(flipped.left(8))); // never the bytes
            QTRY_VERIFY2(m_server->log().contains(said), said);
            QVERIFY(m_server->log().contains(path.toUtf8()));
            QCOMPARE(
                m_server->request("GET", QStringLiteral("/open311/v2/media/") + damaged).status,
                500);
            // Everything else is served as before.
            QCOMPARE(media(*m_server, m_token, sound).body, other);
            QCOMPARE(m_server->get(QStringLiteral("/api/v1/complaints/%1").arg(complaint), m_token)
                         .status,
                     200);
            // A desk holding the photo revalidates without the file.
            QCOMPARE(
                m_server
                    ->request("GET", QStringLiteral("/api/v1/media/") + damaged, {},
                              {{"Authorization", "Bearer " + m_token}, {"If-None-Match", etag}})
                    .status,
                304);
        }
        const Run check =
            admin(m_server->dataDir(), {QStringLiteral("photos"), QStringLiteral("check")});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.out.contains(damaged + QStringLiteral(": photo file")) &&
                     check.out.contains(QStringLiteral("is missing")),
                 qPrintable(check.out));

        // The same photo uploaded again puts its file right (a damaged copy
        // is replaced, not trusted), and it is served again.
        writeFile(path, flipped);
        QVERIFY(!upload(png(Qt::red)).isEmpty());
        QCOMPARE(contents(path), good);
        QCOMPARE(media(*m_server, m_token, damaged).body, good);
        QCOMPARE(admin(m_server->dataDir(), {QStringLiteral("photos"), QStringLiteral("check")})
                     .exitCode,
                 0);
    }

    // An upload whose file cannot be written is refused whole (500, no row,
    // the log says why); the same bytes uploaded again once the folder is
    // fixed bring the file back for the photo that had lost it.
    void anUnwritablePhotoIsRefusedWhole()
    {
        const QByteArray bytes = png(Qt::darkYellow);
        const QString first = upload(bytes);
        const QByteArray stored = media(*m_server, m_token, first).body;
        const QString path = fileOf(m_server->dataDir(), sha256(stored));
        QVERIFY(QFile::remove(path));
        QVERIFY(QDir().mkpath(path)); // a folder where the file must go
        const QString rows = QStringLiteral("SELECT count(*) FROM photos");
        const QString before = query(m_server->dataDir(), rows);
        const HttpResult refused = m_server->request(
            "POST",
            QStringLiteral("/api/v1/complaints/%1/photos")
                .arg(published(*m_server, m_token).first()),
            bytes, {{"Authorization", "Bearer " + m_token}, {"Content-Type", "image/png"}});
        QCOMPARE(refused.status, 500);
        QCOMPARE(refused.errorCode(), QStringLiteral("internal"));
        QCOMPARE(query(m_server->dataDir(), rows), before);
        QTRY_VERIFY(m_server->log().contains("cannot write photo file " + path.toUtf8()));
        QCOMPARE(media(*m_server, m_token, first).status, 500);

        QVERIFY(QDir(path).removeRecursively());
        QVERIFY(!upload(bytes).isEmpty());
        QCOMPARE(media(*m_server, m_token, first).body, stored);
    }

    // A database whose photos are blobs (as every server before kept them)
    // has them moved into files on its first start. The migration writes
    // every file before it drops a blob, in one transaction: made to fail
    // halfway (a folder where a photo's file must go), it leaves the
    // database as it was; started again, it finishes, and every photo is
    // served byte for byte.
    void blobsMoveOutOnFirstStartAndAFailureLosesNothing()
    {
        QHash<QString, QByteArray> bytes; // photo id → what was served
        TestServer before(30);
        QVERIFY(before.isRunning());
        const QString dir = before.dataDir();
        const QByteArray firstToken = before.signIn(QStringLiteral("clerk"));
        const QList<qint64> ids = published(before, firstToken);
        const QList<QByteArray> pictures{png(Qt::red), png(Qt::green), png(Qt::blue),
                                         png(Qt::red)}; // the last is the first again
        for (int i = 0; i < pictures.size(); ++i) {
            const QString id = upload(before, firstToken, ids.at(i % ids.size()), pictures.at(i));
            bytes.insert(id, media(before, firstToken, id).body);
        }
        QVERIFY(before.stop());
        asBefore(dir, bytes);
        QVERIFY(hasBlobColumn(dir));

        // The folder blocks the file of the distinct photo that comes last
        // in the migration's order (by id), so others are written first.
        QString blocked;
        QStringList written;
        for (const QString &id :
             query(dir, QStringLiteral("SELECT id FROM photos WHERE data IS NOT NULL ORDER BY id"))
                 .split(QLatin1Char('\n'))) {
            const QString hash = sha256(bytes.value(id));
            if (!written.contains(hash) && hash != blocked) {
                if (!blocked.isEmpty())
                    written.append(blocked);
                blocked = hash;
            }
        }
        QVERIFY(!written.isEmpty());
        QVERIFY(QDir().mkpath(fileOf(dir, blocked)));
        const QStringList serve = rd::test::storeArguments(dir) +
                                  QStringList{QStringLiteral("--port"), QStringLiteral("0")};
        const Run failed = run(serve);
        QVERIFY(!failed.listening);
        QCOMPARE(failed.exitCode, 2);
        QVERIFY2(
            failed.err.contains(QStringLiteral("cannot write photo file ") + fileOf(dir, blocked)),
            qPrintable(failed.err));
        // Nothing lost: the schema as it was, every blob still there.
        QCOMPARE(schemaVersion(dir).toInt(),
                 (rd::test::testsPostgres() ? PgPhotoStep : SqlitePhotoStep) - 1);
        QVERIFY(hasBlobColumn(dir));
        QCOMPARE(query(dir, QStringLiteral("SELECT count(*) FROM photos WHERE data IS NOT NULL"))
                     .toInt(),
                 bytes.size());
        for (const QString &hash : written)
            QCOMPARE(sha256(contents(fileOf(dir, hash))), hash); // written before the failure

        QVERIFY(QDir(fileOf(dir, blocked)).removeRecursively());
        TestServer after(TestServer::SharedWith{before});
        QVERIFY(after.isRunning());
        QVERIFY(!hasBlobColumn(dir));
        QCOMPARE(schemaVersion(dir).toInt(),
                 rd::test::testsPostgres() ? PgPhotoStep : SqlitePhotoStep);
        const QByteArray token = after.signIn(QStringLiteral("clerk"));
        for (auto it = bytes.cbegin(); it != bytes.cend(); ++it) {
            QCOMPARE(media(after, token, it.key()).body, it.value());
            QCOMPARE(
                query(dir,
                      QStringLiteral("SELECT sha256 FROM photos WHERE id = '%1'").arg(it.key())),
                sha256(it.value()));
        }
        QCOMPARE(countFiles(photosDir(dir)), 3);
    }

    // Rows no one can reach (an upload never attached, a deleted
    // complaint's) and files no row names go once they are older than the
    // grace; what is attached, young, or named by another row stays. A dry
    // run changes nothing; the removal is audited.
    void gcRemovesOnlyWhatNothingReaches()
    {
        TestServer server(60);
        QVERIFY(server.isRunning());
        const QString dir = server.dataDir();
        const QByteArray token = server.signIn(QStringLiteral("clerk"));
        const QList<qint64> ids = published(server, token);
        QVERIFY(ids.size() >= 2);
        const qint64 kept = ids.at(0);
        const qint64 deleted = ids.at(1);
        const QString attached = upload(server, token, kept, png(Qt::yellow));
        const QString never = upload(server, token, kept, png(Qt::cyan));
        const QString sameAsAttached = upload(server, token, kept, png(Qt::yellow)); // same bytes
        const QString young = upload(server, token, kept, png(Qt::gray));
        const QString onDeleted = upload(server, token, deleted, png(Qt::darkRed));
        const QJsonObject c = server.complaint(kept, token);
        const HttpResult solved =
            server.act(kept,
                       {{QStringLiteral("action"), QStringLiteral("solve")},
                        {QStringLiteral("base_version"), c.value(QStringLiteral("version"))},
                        {QStringLiteral("text"), QStringLiteral("Сделано, фото приложено.")},
                        {QStringLiteral("photo_ids"), QJsonArray{attached}}},
                       token);
        QCOMPARE(solved.status, 200);
        server.hook(QStringLiteral("delete/%1").arg(deleted));
        QHash<QString, QString> hashOf;
        for (const QString &id : {attached, never, young})
            hashOf.insert(id, sha256(media(server, token, id).body));
        hashOf.insert(
            onDeleted,
            query(dir, QStringLiteral("SELECT sha256 FROM photos WHERE id = '%1'").arg(onDeleted)));

        // Eight days old: the rows of never, sameAsAttached and onDeleted, and
        // the files of attached, never and onDeleted.
        query(dir, QStringLiteral("UPDATE photos SET added_at = added_at - %1 WHERE id IN "
                                  "('%2', '%3', '%4')")
                       .arg(EightDaysMs)
                       .arg(never, sameAsAttached, onDeleted));
        for (const QString &id : {attached, never, onDeleted})
            setAge(fileOf(dir, hashOf.value(id)), EightDaysMs);
        const auto [oldStray, youngStray, unfinished, unknown] = strays(dir);

        const Run dry = admin(
            dir, {QStringLiteral("photos"), QStringLiteral("gc"), QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.out.contains(QStringLiteral("would remove 3 rows, 3 files")),
                 qPrintable(dry.out));
        QVERIFY(QFile::exists(fileOf(dir, hashOf.value(never))) && QFile::exists(oldStray));
        QCOMPARE(media(server, token, never).status, 200);

        const Run gc = admin(dir, {QStringLiteral("photos"), QStringLiteral("gc")});
        QVERIFY2(gc.exitCode == 0, qPrintable(gc.err));
        QVERIFY2(gc.out.contains(QStringLiteral("removed 3 rows, 3 files")) &&
                     gc.out.contains(QStringLiteral("1 unfinished writes")) &&
                     gc.out.contains(QStringLiteral("left alone (not a photo file): ") + unknown),
                 qPrintable(gc.out));
        QCOMPARE(media(server, token, attached).status, 200); // its file is old, but named
        QCOMPARE(media(server, token, young).status, 200);
        QCOMPARE(media(server, token, never).status, 404);
        QCOMPARE(media(server, token, sameAsAttached).status, 404);
        QCOMPARE(query(dir, QStringLiteral("SELECT count(*) FROM photos WHERE id IN ('%1', '%2', "
                                           "'%3')")
                                .arg(never, sameAsAttached, onDeleted)),
                 QStringLiteral("0"));
        QVERIFY(QFile::exists(fileOf(dir, hashOf.value(attached))));
        QVERIFY(!QFile::exists(fileOf(dir, hashOf.value(never))));
        QVERIFY(!QFile::exists(fileOf(dir, hashOf.value(onDeleted))));
        QVERIFY(!QFile::exists(oldStray) && !QFile::exists(unfinished));
        QVERIFY(QFile::exists(youngStray) && QFile::exists(unknown));
        const Run audit =
            admin(dir, {QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("1")});
        QVERIFY2(audit.out.contains(QStringLiteral("\tphotos.gc\t")) && audit.out.contains(never),
                 qPrintable(audit.out));
        // Nothing more to take.
        QVERIFY(
            admin(dir, {QStringLiteral("photos"), QStringLiteral("gc")})
                .out.contains(QStringLiteral("removed 0 rows, 0 files (0 bytes), 0 unfinished")));
    }

    void gcRefusesBadInput()
    {
        const QString dir = m_server->dataDir();
        // What admin does not understand, and PostgreSQL without the folder
        // (it is never guessed there).
        const QList<QStringList> usage{
            {QStringLiteral("photos"), QStringLiteral("gc"), QStringLiteral("--grace"),
             QStringLiteral("soon")},
            {QStringLiteral("photos"), QStringLiteral("gc"), QStringLiteral("--grace"),
             QStringLiteral("-5")},
            {QStringLiteral("photos"), QStringLiteral("gc"), QStringLiteral("everything")},
            {QStringLiteral("photos"), QStringLiteral("check"), QStringLiteral("now")},
            {QStringLiteral("photos"), QStringLiteral("tidy")}};
        for (const QStringList &arguments : usage) {
            const Run r = admin(dir, arguments);
            QVERIFY2(r.exitCode == 2 && r.err.contains(QStringLiteral("usage:")),
                     qPrintable(arguments.join(QLatin1Char(' ')) + QLatin1Char(' ') + r.err));
        }
        const Run noValue = admin(dir, {QStringLiteral("backup"), QStringLiteral("--photos-to")});
        QCOMPARE(noValue.exitCode, 1);
        QVERIFY2(noValue.err.contains(QStringLiteral("--photos-to needs a value")),
                 qPrintable(noValue.err));
        if (rd::test::testsPostgres()) {
            QStringList noFolder = rd::test::storeArguments(dir);
            noFolder.remove(noFolder.indexOf(QStringLiteral("--photos")), 2);
            const Run r = run(QStringList{QStringLiteral("admin")} + noFolder +
                              QStringList{QStringLiteral("photos"), QStringLiteral("gc")});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("--photos DIR")), qPrintable(r.err));
        }
    }

    // The database first, then its photo files: restored from the two, the
    // server serves every photo byte for byte (SQLite: admin backup
    // --photos-to; PostgreSQL: pg_dump and a copy of the folder).
    void aRestoredBackupServesEveryPhoto()
    {
        TestServer server(30);
        QVERIFY(server.isRunning());
        const QString dir = server.dataDir();
        const QByteArray token = server.signIn(QStringLiteral("clerk"));
        const qint64 complaint = published(server, token).first();
        QHash<QString, QByteArray> bytes;
        for (const QByteArray &picture :
             {png(Qt::darkGreen), png(Qt::darkBlue), png(Qt::darkGreen)}) {
            const QString id = upload(server, token, complaint, picture);
            bytes.insert(id, media(server, token, id).body);
        }
        const QString database = m_files.filePath(QStringLiteral("backup.sqlite"));
        const QString photos = m_files.filePath(QStringLiteral("backup-photos"));
        const QString dump = m_files.filePath(QStringLiteral("backup.dump"));
        if (rd::test::testsPostgres()) {
            QVERIFY(rd::test::postgresTool(
                dir, QStringLiteral("pg_dump"),
                {QStringLiteral("-Fc"), QStringLiteral("-f"), dump, QStringLiteral("{db}")}));
            copyTree(photosDir(dir), photos);
        } else {
            const Run reminded = admin(dir, {QStringLiteral("backup"),
                                             m_files.filePath(QStringLiteral("only-db.sqlite"))});
            QVERIFY2(reminded.exitCode == 0, qPrintable(reminded.err));
            QVERIFY2(reminded.out.contains(QStringLiteral("names 2 photo files, not in it")),
                     qPrintable(reminded.out));
            const Run r = admin(
                dir, {QStringLiteral("backup"), database, QStringLiteral("--photos-to"), photos});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.out.contains(QStringLiteral("2 copied")), qPrintable(r.out));
            // Again into the same folder: only what is new is copied.
            const Run again = admin(dir, {QStringLiteral("backup"),
                                          m_files.filePath(QStringLiteral("again.sqlite")),
                                          QStringLiteral("--photos-to"), photos});
            QVERIFY2(again.out.contains(QStringLiteral("0 copied (0 bytes), 2 there already")),
                     qPrintable(again.out));
        }
        QVERIFY(server.stop());

        QVERIFY(QDir(photosDir(dir)).removeRecursively());
        if (rd::test::testsPostgres()) {
            QVERIFY(rd::test::postgresTool(
                dir, QStringLiteral("pg_restore"),
                {QStringLiteral("--clean"), QStringLiteral("-d"), QStringLiteral("{db}"), dump}));
            QCOMPARE(admin(dir, {QStringLiteral("restored")}).exitCode, 0);
        } else {
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(dir + QStringLiteral("/server.sqlite") + QLatin1String(suffix));
            QVERIFY(QFile::copy(database, dir + QStringLiteral("/server.sqlite")));
        }
        copyTree(photos, photosDir(dir));
        TestServer restored(TestServer::SharedWith{server});
        QVERIFY(restored.isRunning());
        const QByteArray token2 = restored.signIn(QStringLiteral("clerk"));
        for (auto it = bytes.cbegin(); it != bytes.cend(); ++it)
            QCOMPARE(media(restored, token2, it.key()).body, it.value());
        const Run check = admin(dir, {QStringLiteral("photos"), QStringLiteral("check")});
        QVERIFY2(check.exitCode == 0 && check.out.contains(QStringLiteral("3 rows name 2 files")),
                 qPrintable(check.out));
    }
};

QTEST_GUILESS_MAIN(TestServerPhotos)
#include "tst_serverphotos.moc"
