// Tile sources and the tile cache in models/: an MBTiles file made by GDAL
// (a tool we did not write) read with the TMS row flip; bad map files named
// clearly; the persistent tile cache with expiry, revalidation and its size
// cap (least recently used out first).

#include "LocalCache.h"
#include "MbTiles.h"
#include "TestSupport.h"
#include "TileStore.h"
#include "sqlite/Database.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;

class TestTiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void mbtilesMadeByGdal()
    {
        RD_REQUIRE_TOOL(gdal, "gdal_translate", "gdal-bin");
        // A georeferenced picture of part of Omsk.
        QImage picture(512, 512, QImage::Format_RGB32);
        picture.fill(QColor(230, 220, 200));
        QPainter painter(&picture);
        painter.setPen(QPen(Qt::darkBlue, 12));
        painter.drawLine(0, 256, 512, 256);
        painter.end();
        const QString png = m_dir.filePath(QStringLiteral("omsk.png"));
        QVERIFY(picture.save(png));
        const QString mbtiles = m_dir.filePath(QStringLiteral("omsk.mbtiles"));
        QProcess process;
        process.start(gdal,
                      {QStringLiteral("-q"), QStringLiteral("-of"), QStringLiteral("MBTILES"),
                       QStringLiteral("-a_srs"), QStringLiteral("EPSG:4326"),
                       QStringLiteral("-a_ullr"), QStringLiteral("73.2"), QStringLiteral("55.1"),
                       QStringLiteral("73.5"), QStringLiteral("54.9"), QStringLiteral("-co"),
                       QStringLiteral("TILE_FORMAT=PNG"), png, mbtiles});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

        const MbTiles::Opened opened = MbTiles::open(mbtiles);
        QVERIFY2(opened.tiles, qPrintable(opened.error));
        const MbTiles::Metadata &meta = opened.tiles->metadata();
        QCOMPARE(meta.format, QStringLiteral("png"));
        QVERIFY(meta.bounds && meta.bounds->contains(55.0, 73.35));
        QVERIFY(meta.minZoom <= meta.maxZoom);
        // The tile over the picture's middle, by XYZ numbers (the file counts
        // rows from the south): a real PNG of 256 × 256.
        const TileId tile = WebMercator::tileAt(55.0, 73.35, meta.maxZoom);
        const auto data = opened.tiles->tile(tile);
        QVERIFY2(data, qPrintable(
                           QStringLiteral("no tile %1/%2/%3").arg(tile.z).arg(tile.x).arg(tile.y)));
        QImage image;
        QVERIFY(image.loadFromData(*data));
        QCOMPARE(image.size(), QSize(256, 256));
        // Row-flip check: the same numbers read as TMS would be another tile.
        sqlite::Database raw(mbtiles, sqlite::Database::OpenMode::ReadOnly);
        QCOMPARE(raw.queryInt(QStringLiteral("SELECT count(*) FROM tiles WHERE zoom_level = %1 AND "
                                             "tile_column = %2 AND tile_row = %3")
                                  .arg(tile.z)
                                  .arg(tile.x)
                                  .arg(tile.tmsRow())),
                 1);
        QVERIFY(!opened.tiles->tile(WebMercator::tileAt(-33.9, 18.4, meta.maxZoom)));
    }

    void badMapFilesAreNamed_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("says");
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("does not exist");
        QTest::newRow("not SQLite") << QStringLiteral("text") << QStringLiteral("cannot be read");
        QTest::newRow("SQLite, not MBTiles")
            << QStringLiteral("other") << QStringLiteral("not an MBTiles file");
        QTest::newRow("vector tiles") << QStringLiteral("pbf") << QStringLiteral("PNG and JPEG");
    }
    void badMapFilesAreNamed()
    {
        QFETCH(QString, kind);
        QFETCH(QString, says);
        const QString path = m_dir.filePath(kind + QStringLiteral(".mbtiles"));
        if (kind == QLatin1String("text")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray("this is not a database ").repeated(100));
        } else if (kind == QLatin1String("other")) {
            sqlite::Database db(path, sqlite::Database::OpenMode::ReadWriteCreate);
            db.exec(QStringLiteral("CREATE TABLE accounts (id INTEGER)"));
        } else if (kind == QLatin1String("pbf")) {
            sqlite::Database db(path, sqlite::Database::OpenMode::ReadWriteCreate);
            db.exec(QStringLiteral(
                "CREATE TABLE metadata (name TEXT, value TEXT);"
                "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                "tile_data BLOB);"
                "INSERT INTO metadata VALUES ('format', 'pbf');"));
        }
        const MbTiles::Opened opened = MbTiles::open(path);
        QVERIFY(!opened.tiles);
        QVERIFY2(opened.error.contains(says), qPrintable(opened.error));
        QVERIFY(opened.error.contains(QDir::toNativeSeparators(path)));
    }

    void tileCacheKeepsExpiryAndRevalidates()
    {
        auto cache = LocalCache::open(m_dir.filePath(QStringLiteral("c1.sqlite")));
        TileStore &tiles = cache->tiles();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString osm = QStringLiteral("osm");
        tiles.put(osm, {12, 2882, 1296}, "png-bytes", QStringLiteral("\"v1\""), now.addDays(7),
                  now);
        auto entry = tiles.get(osm, {12, 2882, 1296}, now);
        QVERIFY(entry);
        QCOMPARE(entry->data, QByteArray("png-bytes"));
        QCOMPARE(entry->etag, QStringLiteral("\"v1\""));
        QVERIFY(!entry->isExpired(now.addDays(6)));
        QVERIFY(entry->isExpired(now.addDays(8))); // still there, to show while offline
        QVERIFY(tiles.get(osm, {12, 2882, 1296}, now.addDays(30)));
        tiles.refresh(osm, {12, 2882, 1296}, now.addDays(40), now.addDays(30));
        QVERIFY(!tiles.get(osm, {12, 2882, 1296}, now)->isExpired(now.addDays(35)));
        QVERIFY(!tiles.get(QStringLiteral("other-source"), {12, 2882, 1296}, now));
    }

    void tileCacheCapEvictsLeastRecentlyUsed()
    {
        auto cache = LocalCache::open(m_dir.filePath(QStringLiteral("c2.sqlite")));
        TileStore &tiles = cache->tiles();
        tiles.setCapBytes(10'000);
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        const QByteArray tile(3000, 'x');
        for (int i = 0; i < 3; ++i)
            tiles.put(QStringLiteral("osm"), {14, i, 0}, tile, {}, t0, t0.addSecs(i));
        QVERIFY(tiles.get(QStringLiteral("osm"), {14, 0, 0}, t0.addSecs(10))); // used again
        tiles.put(QStringLiteral("osm"), {14, 3, 0}, tile, {}, t0, t0.addSecs(11));
        QVERIFY(tiles.totalBytes() <= 10'000);
        QCOMPARE(tiles.count(), 3);
        QVERIFY(tiles.get(QStringLiteral("osm"), {14, 0, 0}, t0.addSecs(12)));
        QVERIFY(!tiles.get(QStringLiteral("osm"), {14, 1, 0}, t0.addSecs(12)));
        // Replacing a tile does not count it twice.
        tiles.put(QStringLiteral("osm"), {14, 3, 0}, tile, {}, t0, t0.addSecs(13));
        QCOMPARE(tiles.count(), 3);
        QCOMPARE(tiles.totalBytes(), 9000);
        tiles.setCapBytes(3000);
        QCOMPARE(tiles.count(), 1);
        // After reopening, the running total is read from the file again.
        cache.reset();
        cache = LocalCache::open(m_dir.filePath(QStringLiteral("c2.sqlite")));
        QCOMPARE(cache->tiles().totalBytes(), 3000);
    }
};

QTEST_MAIN(TestTiles)
#include "tst_tiles.moc"
