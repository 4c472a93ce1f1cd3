// The map widget, rendered offscreen: markers and clusters without any
// tiles (graticule and notice), tiles from an MBTiles file with a parent
// tile standing in for a missing one, corrupt tiles, keyboard zoom and pan,
// and clicks on a complaint and on a cluster.

#include "LocalCache.h"
#include "MapWidget.h"
#include "TestSupport.h"
#include "TileSource.h"
#include "sqlite/Database.h"

#include <QBuffer>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;

namespace {

QList<ClusterIndex::Point> demoPoints(int count)
{
    QList<ClusterIndex::Point> points;
    for (const Complaint &c : test::demoComplaints(count, 21))
        points.append({{c.id, c.latitude, c.longitude, c.state, c.votes}, c.id % 9 == 0});
    return points;
}

int pixelsLike(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            n += QColor(image.pixel(x, y)) == colour ? 1 : 0;
    return n;
}

} // namespace

class TestMapWidget : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString mbtiles(const QByteArray &tileData, const TileId &tile)
    {
        const QString path = m_dir.filePath(QStringLiteral("t%1.mbtiles").arg(tile.z));
        sqlite::Database db(path, sqlite::Database::OpenMode::ReadWriteCreate);
        db.exec(QStringLiteral(
            "CREATE TABLE metadata (name TEXT, value TEXT);"
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
            "tile_data BLOB);"
            "INSERT INTO metadata VALUES ('format', 'png'), ('attribution', '© Тест'), "
            "('minzoom', '0'), ('maxzoom', '16');"));
        sqlite::Statement insert(db, QStringLiteral("INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)"));
        insert.bind(1, tile.z).bind(2, tile.x).bind(3, tile.tmsRow()).bind(4, tileData).run();
        return path;
    }

private Q_SLOTS:
    void withoutTilesTheComplaintsStillShow()
    {
        MapWidget map;
        map.resize(900, 600);
        map.setPoints(demoPoints(3000));
        map.show();
        map.fitAll();
        QVERIFY(map.zoom() >= 9 && map.zoom() <= 14);
        const QImage image = map.grab().toImage();
        const QString out = qEnvironmentVariable("REGIONDESK_MAP_SCREENSHOT");
        if (!out.isEmpty())
            image.save(out);
        QVERIFY(pixelsLike(image, QColor(0x1f, 0x4e, 0x79)) > 50); // cluster markers
    }

    void keyboardZoomsAndPans()
    {
        MapWidget map;
        map.resize(600, 400);
        map.setPoints(demoPoints(500));
        map.show();
        map.setView(54.98, 73.37, 12.0);
        QTest::keyClick(&map, Qt::Key_Plus);
        QCOMPARE(map.zoom(), 13.0);
        QTest::keyClick(&map, Qt::Key_Minus);
        QTest::keyClick(&map, Qt::Key_Minus);
        QCOMPARE(map.zoom(), 11.0);
        const QPointF before = map.centre();
        QTest::keyClick(&map, Qt::Key_Right);
        QVERIFY(map.centre().y() > before.y());
        QTest::keyClick(&map, Qt::Key_Up);
        QVERIFY(map.centre().x() > before.x());
        QTest::keyClick(&map, Qt::Key_Home);
        QVERIFY(map.viewBox().contains(54.98, 73.37));
    }

    void clicksActivateAComplaintOrZoomIntoACluster()
    {
        MapWidget map;
        map.resize(600, 400);
        const auto points = demoPoints(2000);
        map.setPoints(points);
        map.show();
        QSignalSpy activated(&map, &MapWidget::complaintActivated);
        // From the queue: centre on a complaint; a click on it activates it.
        const qint64 id = points[17].complaint.id;
        map.showComplaint(id);
        map.setView(points[17].complaint.latitude, points[17].complaint.longitude, 18.0);
        QCOMPARE(map.selected(), id);
        QTest::mouseClick(&map, Qt::LeftButton, {}, QPoint(300, 200));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toLongLong(), id);
        // Far out, the city is a few clusters: a click on one zooms in.
        map.setView(points[17].complaint.latitude, points[17].complaint.longitude, 9.0);
        QTest::mouseClick(&map, Qt::LeftButton, {}, QPoint(300, 200));
        QVERIFY(map.zoom() > 9.0);
        QCOMPARE(activated.size(), 1);
    }

    void tilesWithAParentStandingInAndCorruptOnes()
    {
        auto cache = LocalCache::open(m_dir.filePath(QStringLiteral("cache.sqlite")));
        QNetworkAccessManager network;
        QImage green(256, 256, QImage::Format_RGB32);
        green.fill(QColor(0, 200, 0));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        green.save(&buffer, "PNG");
        const TileId tile = WebMercator::tileAt(54.98, 73.37, 11);
        TileSource::Settings settings;
        settings.mbtilesPath = mbtiles(png, tile);
        TileSource source(&network, cache->tiles(), settings);
        MapWidget map(&source);
        map.resize(400, 300);
        map.show();
        map.setView(54.98, 73.37, 11.0);
        QVERIFY(pixelsLike(map.grab().toImage(), QColor(0, 200, 0)) > 1000);
        // At zoom 13 the file has no tiles: the zoom-11 one is scaled up.
        map.setView(54.98, 73.37, 13.0);
        QVERIFY(pixelsLike(map.grab().toImage(), QColor(0, 200, 0)) > 1000);

        // A corrupt tile: no picture, no crash, the map goes on.
        settings.mbtilesPath = mbtiles("\x89PNG\r\n\x1a\n garbage", {10, tile.x / 2, tile.y / 2});
        TileSource corrupt(&network, cache->tiles(), settings);
        MapWidget broken(&corrupt);
        broken.resize(400, 300);
        broken.setPoints(demoPoints(100));
        broken.show();
        broken.setView(54.98, 73.37, 10.0);
        QVERIFY(!broken.grab().toImage().isNull());
    }
};

QTEST_MAIN(TestMapWidget)
#include "tst_mapwidget.moc"
