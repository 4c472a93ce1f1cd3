// Online tiles per the OpenStreetMap tile usage policy, against a tile
// server on loopback: an identifying User-Agent, no no-cache, at least seven
// days of caching, revalidation with ETags, at most two requests at a time,
// only what is in view; bad tile data and a vanished server leave the map
// working. And tiles from a local MBTiles file, with its attribution.

#include "LocalCache.h"
#include "TileSource.h"
#include "TileStore.h"
#include "sqlite/Database.h"

#include <QBuffer>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace rd;

namespace {

// A tiny HTTP tile server: PNG tiles with caching headers, a 304 for a known
// ETag, "/bad/…" answers something that is not an image.
class TileServer : public QObject
{
public:
    QTcpServer server;
    QList<QByteArray> requests; // raw request heads

    // A header's value in a request head, its name matched without regard
    // to case as HTTP has it (Qt 6.8 sends names in lower case, 6.4 not).
    static QByteArray header(const QByteArray &head, const QByteArray &name)
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    int inFlight = 0;
    int maxInFlight = 0;
    int delayMs = 30;
    QByteArray png;

    TileServer()
    {
        QImage image(256, 256, QImage::Format_RGB32);
        image.fill(Qt::green);
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        server.listen(QHostAddress::LocalHost);
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection())
                serve(socket);
        });
    }
    QString urlTemplate(const char *prefix = "") const
    {
        return QStringLiteral("http://127.0.0.1:%1%2/{z}/{x}/{y}.png")
            .arg(server.serverPort())
            .arg(QLatin1String(prefix));
    }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer->left(end);
            buffer->remove(0, end + 4);
            requests.append(head);
            maxInFlight = std::max(maxInFlight, ++inFlight);
            QTimer::singleShot(delayMs, socket, [this, socket, head] {
                --inFlight;
                QByteArray response;
                if (head.contains("/bad/")) {
                    response = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n"
                               "Content-Length: 9\r\n\r\nnot a png";
                } else if (header(head, "If-None-Match") == "\"t1\"") {
                    response = "HTTP/1.1 304 Not Modified\r\nETag: \"t1\"\r\n"
                               "Cache-Control: max-age=60\r\nContent-Length: 0\r\n\r\n";
                } else {
                    response = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nETag: \"t1\"\r\n"
                               "Cache-Control: max-age=60\r\nContent-Length: " +
                               QByteArray::number(png.size()) + "\r\n\r\n" + png;
                }
                socket->write(response);
            });
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

} // namespace

class TestTileSource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_caches = 0;

    std::unique_ptr<LocalCache> freshCache()
    {
        return LocalCache::open(m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_caches)));
    }

private Q_SLOTS:
    void fetchesPolitelyAndCachesAWeekAtLeast()
    {
        TileServer server;
        auto cache = freshCache();
        QNetworkAccessManager network;
        ManualClock time(QDateTime::currentDateTimeUtc());
        QDateTime clock = time.now();
        TileSource::Settings settings;
        settings.urlTemplate = server.urlTemplate();
        TileSource source(&network, cache->tiles(), settings, time);
        QSignalSpy arrived(&source, &TileSource::tileArrived);
        const TileId tile{12, 2882, 1296};
        QVERIFY(!source.tile(tile)); // not yet: asked for
        QVERIFY(arrived.wait());
        QCOMPARE(source.tile(tile).value_or(QByteArray()), server.png);
        QCOMPARE(server.requests.size(), 1);
        const QByteArray head = server.requests.first();
        QVERIFY(head.startsWith("GET /12/2882/1296.png "));
        QVERIFY2(TileServer::header(head, "User-Agent").startsWith("RegionDesk/"),
                 head.constData());
        QVERIFY(!head.toLower().contains("no-cache"));
        // max-age was a minute; kept for the policy's seven days.
        const auto entry = cache->tiles().get(source.cacheKey(), tile, clock);
        QVERIFY(entry->expiresAt >= clock.addDays(7).addSecs(-5));

        // Eight days on: shown at once from the cache, and asked again with
        // its ETag; the 304 renews it without a download.
        time.advance(8 * 86400);
        clock = time.now();
        QCOMPARE(source.tile(tile).value_or(QByteArray()), server.png);
        QTRY_COMPARE(server.requests.size(), 2);
        QCOMPARE(TileServer::header(server.requests.last(), "If-None-Match"), "\"t1\"");
        QTRY_VERIFY(!cache->tiles().get(source.cacheKey(), tile, clock)->isExpired(clock));
        QCOMPARE(source.attribution(), QString()); // a custom server names its own
    }

    void twoAtATimeAndOnlyWhatIsInView()
    {
        TileServer server;
        server.delayMs = 80;
        auto cache = freshCache();
        QNetworkAccessManager network;
        TileSource::Settings settings;
        settings.urlTemplate = server.urlTemplate();
        TileSource source(&network, cache->tiles(), settings);
        QSet<TileId> view;
        for (int x = 0; x < 12; ++x)
            view.insert({14, 11520 + x, 5190});
        source.setWanted(view);
        for (const TileId &t : std::as_const(view))
            source.tile(t);
        // The user pans away: only three of them are still wanted.
        QSet<TileId> still;
        for (int x = 0; x < 3; ++x)
            still.insert({14, 11520 + x, 5190});
        source.setWanted(still);
        QTest::qWait(800);
        QVERIFY(server.maxInFlight <= 2);
        QVERIFY2(server.requests.size() <= 5, qPrintable(QString::number(server.requests.size())));
    }

    void twoViewersEachGetWhatTheyShow()
    {
        // The desk map and the complaint's thumbnail share one source: the
        // map panning away must not cancel the thumbnail's tile.
        TileServer server;
        server.delayMs = 50;
        auto cache = freshCache();
        QNetworkAccessManager network;
        TileSource::Settings settings;
        settings.urlTemplate = server.urlTemplate();
        TileSource source(&network, cache->tiles(), settings);
        int map = 0;
        int thumbnail = 0;
        QSet<TileId> mapView;
        for (int x = 0; x < 6; ++x)
            mapView.insert({14, 11520 + x, 5190});
        const TileId place{16, 46100, 20770};
        source.setWanted(mapView, &map);
        source.setWanted({place}, &thumbnail);
        // Two of the map's tiles take both slots; the thumbnail's waits in
        // the queue behind the map's others (newest go first).
        const QList<TileId> mapTiles = mapView.values();
        source.tile(mapTiles[0]);
        source.tile(mapTiles[1]);
        source.tile(place);
        for (qsizetype i = 2; i < mapTiles.size(); ++i)
            source.tile(mapTiles[i]);
        QSignalSpy arrived(&source, &TileSource::tileArrived);
        source.setWanted({{14, 11600, 5190}}, &map); // the map moves on before it is fetched
        const auto placeArrived = [&] {
            for (const auto &signal : std::as_const(arrived)) {
                if (signal.first().value<TileId>() == place)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(placeArrived(), 3000); // not asked again: it stayed wanted
        QVERIFY(server.requests.size() <= 4);           // the map's old view was mostly dropped
    }

    void badDataAndAVanishedServerLeaveTheMapWorking()
    {
        TileServer server;
        auto cache = freshCache();
        QNetworkAccessManager network;
        TileSource::Settings settings;
        settings.urlTemplate = server.urlTemplate("/bad");
        TileSource bad(&network, cache->tiles(), settings);
        QSignalSpy problem(&bad, &TileSource::problemChanged);
        bad.tile({10, 1, 1});
        QVERIFY(problem.wait());
        QVERIFY(bad.problem().contains(QStringLiteral("not a picture")));
        QCOMPARE(cache->tiles().count(), 0);

        settings.urlTemplate = server.urlTemplate();
        TileSource good(&network, cache->tiles(), settings);
        QSignalSpy arrived(&good, &TileSource::tileArrived);
        good.tile({10, 1, 1});
        QVERIFY(arrived.wait());
        server.server.close();
        settings.urlTemplate = QStringLiteral("http://127.0.0.1:1/{z}/{x}/{y}.png");
        TileSource offline(&network, cache->tiles(), settings);
        QSignalSpy offlineProblem(&offline, &TileSource::problemChanged);
        QVERIFY(!offline.tile({10, 2, 2}));
        QVERIFY(offlineProblem.wait());
        QVERIFY(offline.problem().contains(QStringLiteral("cannot be loaded")));
        // The tile seen before is still there for the online source.
        QVERIFY(good.tile({10, 1, 1}));
    }

    void osmAttributionAndLocalFiles()
    {
        auto cache = freshCache();
        QNetworkAccessManager network;
        TileSource osm(&network, cache->tiles(), {});
        QCOMPARE(osm.attribution(), QStringLiteral("© OpenStreetMap contributors"));

        const QString path = m_dir.filePath(QStringLiteral("region.mbtiles"));
        {
            sqlite::Database db(path, sqlite::Database::OpenMode::ReadWriteCreate);
            db.exec(QStringLiteral(
                "CREATE TABLE metadata (name TEXT, value TEXT);"
                "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                "tile_data BLOB);"
                "INSERT INTO metadata VALUES ('format', 'png'), ('attribution', '© Департамент "
                "имущества'), ('minzoom', '10'), ('maxzoom', '15');"));
            sqlite::Statement insert(db, QStringLiteral("INSERT INTO tiles VALUES (3, 5, 5, ?1)"));
            insert.bind(1, QByteArray("\x89PNG\r\n\x1a\nfake")).run();
        }
        TileSource::Settings settings;
        settings.mbtilesPath = path;
        TileSource local(&network, cache->tiles(), settings);
        QVERIFY(local.problem().isEmpty());
        QCOMPARE(local.attribution(), QStringLiteral("© Департамент имущества"));
        QCOMPARE(local.minZoom(), 10);
        QCOMPARE(local.maxZoom(), 15);
        QVERIFY(local.tile({3, 5, 2})); // TMS row 5 at zoom 3 is XYZ row 2
        QVERIFY(!local.tile({3, 5, 5}));
        settings.mbtilesPath = m_dir.filePath(QStringLiteral("missing.mbtiles"));
        TileSource missing(&network, cache->tiles(), settings);
        QVERIFY(missing.problem().contains(QStringLiteral("does not exist")));
        QVERIFY(!missing.tile({3, 5, 2}));
    }
};

QTEST_MAIN(TestTileSource)
#include "tst_tilesource.moc"
