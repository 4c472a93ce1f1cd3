// Photos: fetched on demand from the reference server, kept on disk within a
// size cap (least recently used out first), available offline once seen;
// "make available offline" for a whole queue; bad data and bad files.

#include "Connection.h"
#include "PhotoCache.h"
#include "PhotoFetcher.h"
#include "TestServer.h"
#include "sqlite/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using rd::test::TestServer;

class TestPhotos : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QByteArray m_token;
    QStringList m_photos;    // ids of photos the clerk may see
    QStringList m_forbidden; // of another agency's complaints
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(300);
        QVERIFY(m_server->isRunning());
        m_token = m_server->signIn(QStringLiteral("clerk"));
        const QByteArray chief = m_server->signIn(QStringLiteral("chief"));
        for (const QJsonObject &r : m_server->pullAll(chief).records) {
            for (const QJsonValue &p : r.value(QStringLiteral("photos")).toArray()) {
                const QString id = p.toObject().value(QStringLiteral("id")).toString();
                if (r.value(QStringLiteral("agency_id")).toInteger() == 1)
                    m_photos.append(id);
                else if (!r.value(QStringLiteral("agency_id")).isNull())
                    m_forbidden.append(id);
            }
        }
        QVERIFY(m_photos.size() >= 8);
        QVERIFY(!m_forbidden.isEmpty());
    }

    void fetchedOnceThenOffline()
    {
        auto cache = PhotoCache::open(m_dir.filePath(QStringLiteral("p1.sqlite")), 50 << 20);
        QNetworkAccessManager network;
        Connection connection;
        connection.setSession(QUrl(m_server->baseUrl()), QStringLiteral("clerk"), m_token);
        PhotoFetcher fetcher(&network, *cache, connection);
        QSignalSpy ready(&fetcher, &PhotoFetcher::photoReady);
        fetcher.fetch(m_photos[0]);
        QVERIFY(ready.wait());
        const QByteArray bytes = ready.first().at(1).toByteArray();
        QVERIFY(bytes.startsWith("\x89PNG"));
        QCOMPARE(ready.first().at(2).toString(), QStringLiteral("image/png"));
        QVERIFY(cache->contains(m_photos[0]));
        // The server is gone; the photo is still there.
        connection.setSession(QUrl(QStringLiteral("http://127.0.0.1:1")), QStringLiteral("clerk"),
                              m_token);
        fetcher.fetch(m_photos[0]);
        QVERIFY(ready.wait());
        QCOMPARE(ready.last().at(1).toByteArray(), bytes);
        QSignalSpy failed(&fetcher, &PhotoFetcher::photoFailed);
        fetcher.fetch(m_photos[1]);
        QVERIFY(failed.wait());
        QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("cannot be reached")));
    }

    void outOfScopeIsRefusedWithTheReason()
    {
        auto cache = PhotoCache::open(m_dir.filePath(QStringLiteral("p2.sqlite")), 50 << 20);
        QNetworkAccessManager network;
        Connection connection;
        connection.setSession(QUrl(m_server->baseUrl()), QStringLiteral("clerk"), m_token);
        PhotoFetcher fetcher(&network, *cache, connection);
        QSignalSpy failed(&fetcher, &PhotoFetcher::photoFailed);
        fetcher.fetch(m_forbidden.first());
        QVERIFY(failed.wait());
        QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("refused")));
        QVERIFY(!cache->contains(m_forbidden.first()));
    }

    void capEvictsLeastRecentlyUsed()
    {
        auto cache = PhotoCache::open(m_dir.filePath(QStringLiteral("p3.sqlite")), 1000);
        const QByteArray photo(300, 'x');
        for (int i = 0; i < 3; ++i)
            QVERIFY(cache->put(QStringLiteral("p%1").arg(i), QStringLiteral("image/png"), photo));
        QVERIFY(cache->get(QStringLiteral("p0"))); // p0 used: p1 is now the oldest
        QVERIFY(cache->put(QStringLiteral("p3"), QStringLiteral("image/png"), photo));
        QVERIFY(cache->totalBytes() <= 1000);
        QVERIFY(cache->contains(QStringLiteral("p0")));
        QVERIFY(!cache->contains(QStringLiteral("p1")));
        QVERIFY(cache->contains(QStringLiteral("p3")));
        QVERIFY(!cache->put(QStringLiteral("huge"), QStringLiteral("image/png"),
                            QByteArray(2000, 'y')));
        cache->setCap(350);
        QCOMPARE(cache->count(), 1);
        QVERIFY(cache->contains(QStringLiteral("p3")));
    }

    void makeAvailableOfflineWithProgressAndCap()
    {
        auto cache = PhotoCache::open(m_dir.filePath(QStringLiteral("p4.sqlite")), 50 << 20);
        QNetworkAccessManager network;
        Connection connection;
        connection.setSession(QUrl(m_server->baseUrl()), QStringLiteral("clerk"), m_token);
        PhotoFetcher fetcher(&network, *cache, connection);
        QSignalSpy progress(&fetcher, &PhotoFetcher::offlineProgress);
        QSignalSpy done(&fetcher, &PhotoFetcher::offlineFinished);
        const QStringList some = m_photos.mid(0, 8);
        fetcher.makeAvailableOffline(some);
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().at(0).toInt(), some.size());
        QVERIFY(done.first().at(1).toString().isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), some.size());
        for (const QString &id : some)
            QVERIFY(cache->contains(id));

        // A small cap: stops and says why.
        auto small =
            PhotoCache::open(m_dir.filePath(QStringLiteral("p5.sqlite")), cache->totalBytes() / 3);
        Connection limitedConnection;
        limitedConnection.setSession(QUrl(m_server->baseUrl()), QStringLiteral("clerk"), m_token);
        PhotoFetcher limited(&network, *small, limitedConnection);
        QSignalSpy limitedDone(&limited, &PhotoFetcher::offlineFinished);
        limited.makeAvailableOffline(m_photos);
        QVERIFY(limitedDone.wait(30000));
        QVERIFY(limitedDone.first().at(1).toString().contains(QStringLiteral("full")));
        QVERIFY(small->totalBytes() <= small->cap());
    }

    void badFilesAreStartedAfresh_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not SQLite") << QByteArray("this is not a database at all").repeated(200);
        QTest::newRow("another program's database") << QByteArray();
    }
    void badFilesAreStartedAfresh()
    {
        QFETCH(QByteArray, content);
        const QString path = m_dir.filePath(QStringLiteral("bad-%1.sqlite").arg(content.size()));
        if (content.isEmpty()) {
            sqlite::Database other(path, sqlite::Database::OpenMode::ReadWriteCreate);
            other.exec(QStringLiteral("CREATE TABLE accounts (id INTEGER)"));
        } else {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        auto cache = PhotoCache::open(path, 1 << 20);
        QVERIFY(cache->wasReset());
        QVERIFY(cache->put(QStringLiteral("a"), QStringLiteral("image/png"), "png"));
        QVERIFY(cache->contains(QStringLiteral("a")));
    }
};

QTEST_GUILESS_MAIN(TestPhotos)
#include "tst_photos.moc"
