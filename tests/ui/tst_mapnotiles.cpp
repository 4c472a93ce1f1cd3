// The map without tiles is still a map: the city's districts and streets
// from the server's geography, a notice that says plainly that no map
// source is set and how to set one (never cut off), no attribution of tiles
// that are not shown; the heat layer's legend instead of the markers';
// a drawn area says how many complaints it holds and never hides the open
// one; and the map follows a change of theme at once.

#include "LocalCache.h"
#include "MapNotice.h"
#include "MapWidget.h"
#include "OmskGeography.h"
#include "QueueQuery.h"
#include "TestSupport.h"
#include "Theme.h"
#include "TileSource.h"
#include "sqlite/Database.h"

#include <QApplication>
#include <QBuffer>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace rd;

namespace {

QList<ClusterIndex::Point> demoPoints(int count)
{
    QList<ClusterIndex::Point> points;
    for (const Complaint &c : test::demoComplaints(count, 21))
        points.append({ComplaintPoint::of(c), false});
    return points;
}

void saveShot(const QImage &image, const char *name)
{
    const QString dir = qEnvironmentVariable("REGIONDESK_MAP_SCREENSHOTS");
    if (!dir.isEmpty())
        image.save(dir + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".png"));
}

int pixelsLike(const QImage &image, const QColor &colour, const QRect &where = {})
{
    const QRect r = where.isNull() ? image.rect() : where.intersected(image.rect());
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += QColor(image.pixel(x, y)) == colour ? 1 : 0;
    return n;
}

int pixelsNear(const QImage &image, const QColor &colour, int tolerance)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c(image.pixel(x, y));
            n += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                             std::abs(c.blue() - colour.blue()) <=
                         tolerance
                     ? 1
                     : 0;
        }
    return n;
}

int darkPixels(const QImage &image, const QRect &where)
{
    int n = 0;
    for (int y = where.top(); y <= where.bottom(); ++y)
        for (int x = where.left(); x <= where.right(); ++x)
            n += QColor(image.pixel(x, y)).lightness() < 90 ? 1 : 0;
    return n;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::Button, QColor(0x2b, 0x2d, 0x30));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    return p;
}

} // namespace

class TestMapNoTiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString mbtiles(const TileId &tile)
    {
        QImage green(256, 256, QImage::Format_RGB32);
        green.fill(QColor(0, 200, 0));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        green.save(&buffer, "PNG");
        const QString path = m_dir.filePath(QStringLiteral("attribution.mbtiles"));
        sqlite::Database db(path, sqlite::Database::OpenMode::ReadWriteCreate);
        db.exec(QStringLiteral(
            "CREATE TABLE metadata (name TEXT, value TEXT);"
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
            "tile_data BLOB);"
            "INSERT INTO metadata VALUES ('format', 'png'), ('attribution', '© Тест Тест Тест'), "
            "('minzoom', '0'), ('maxzoom', '16');"));
        sqlite::Statement insert(db, QStringLiteral("INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)"));
        insert.bind(1, tile.z).bind(2, tile.x).bind(3, tile.tmsRow()).bind(4, png).run();
        return path;
    }

private Q_SLOTS:
    void withoutTilesTheCityIsDrawn()
    {
        MapWidget map;
        map.resize(900, 600);
        map.setGeography(demo::omskGeography());
        map.setPoints(demoPoints(2000));
        map.show();
        map.fitAll();
        QCOMPARE(map.geography().districtCount(), 5);
        QCOMPARE(map.geography().streetCount(), demo::omskStreets().size());
        const QImage city = map.grab().toImage();
        saveShot(city, "no-tiles-city");
        // The okrugs are tinted (no grid: the outlines take its place).
        const MapColours light = MapColours::lightColours();
        int tinted = 0;
        for (const QColor &fill : light.districtFills)
            tinted += pixelsLike(city, fill);
        QVERIFY2(tinted > 50000, qPrintable(QString::number(tinted)));
        QVERIFY(pixelsLike(city, light.graticule) < 100); // a grid would be thousands

        // Close in, the streets: white with a darker edge.
        map.setView(54.9844, 73.3714, 15.5);
        const QImage street = map.grab().toImage();
        saveShot(street, "no-tiles-street");
        QVERIFY(pixelsLike(street, light.street) > 1000);
        QVERIFY(pixelsNear(street, light.streetCasing, 24) > 200);

        // With no geography, the plain grid as before.
        MapWidget bare;
        bare.resize(400, 300);
        bare.show();
        bare.setView(54.99, 73.37, 12.0);
        QVERIFY(pixelsLike(bare.grab().toImage(), light.graticule) > 100);
    }

    void theNoticeSaysPlainlyThatNoSourceIsSetAndHow()
    {
        MapWidget map;
        map.resize(700, 500);
        map.show();
        map.setView(54.99, 73.37, 12.0);
        // No source, no outlines yet: said plainly, with the way to a map.
        QVERIFY2(map.notice().contains(QStringLiteral("No map source is set")),
                 qPrintable(map.notice()));
        QVERIFY(map.notice().contains(QStringLiteral("plain grid")));
        QVERIFY(map.notice().contains(QStringLiteral("View ▸ Map tiles…")));
        map.setGeography(demo::omskGeography());
        QVERIFY(map.notice().contains(QStringLiteral("districts and streets")));
        QVERIFY(!map.notice().contains(QStringLiteral("grid")));
        auto *choose = map.findChild<QPushButton *>(QStringLiteral("mapNoticeChoose"));
        QVERIFY(choose);
        QVERIFY(!choose->isVisibleTo(&map)); // nobody to open the dialog yet
        QSignalSpy requested(&map, &MapWidget::mapSourceRequested);
        QTRY_VERIFY(choose->isVisibleTo(&map));
        choose->click();
        QCOMPARE(requested.size(), 1);

        // What went wrong getting the outlines is said too.
        map.setGeographyProblem(QStringLiteral("The server's outlines could not be read."));
        QVERIFY(map.notice().contains(QStringLiteral("could not be read")));
        map.setGeographyProblem({});
        QVERIFY(!map.notice().contains(QStringLiteral("could not be read")));
        saveShot(map.grab().toImage(), "no-tiles-notice");

        // A thumbnail says nothing.
        MapWidget thumb;
        thumb.setThumbnail(true);
        QVERIFY(thumb.notice().isEmpty());
    }

    void theNoticeIsNeverCutOff_data()
    {
        QTest::addColumn<int>("width");
        QTest::addRow("the map beside the list, 1366 wide") << 860;
        QTest::addRow("a narrow map") << 420;
    }
    void theNoticeIsNeverCutOff()
    {
        QFETCH(int, width);
        // The longest Russian it will say, at the width the map gets.
        MapWidget map;
        map.resize(width, 380);
        map.show();
        auto *notice = map.findChild<MapNotice *>(QStringLiteral("mapNotice"));
        QVERIFY(notice);
        notice->setButtonShown(true);
        notice->setText(QStringLiteral(
            "Источник карты не выбран, а очертаний города сервер ещё не прислал: обращения "
            "показаны на простой сетке. Чтобы видеть карту, выберите её: Вид ▸ Подложка "
            "карты…\nКонтуры города с сервера не прочитаны; карта показывает прежние."));
        auto *label = notice->findChild<QLabel *>(QStringLiteral("mapNoticeText"));
        auto *button = notice->findChild<QPushButton *>(QStringLiteral("mapNoticeChoose"));
        QVERIFY(label && button);
        QVERIFY(notice->isVisibleTo(&map));
        QVERIFY(map.rect().contains(notice->geometry()));
        QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(label->height())
                                .arg(label->heightForWidth(label->width()))));
        QVERIFY(button->width() >= button->sizeHint().width());
        QVERIFY(notice->rect().contains(button->geometry()));
        // Above the scale bar, clear of it.
        QVERIFY(notice->geometry().bottom() < map.height() - 34);
        saveShot(map.grab().toImage(), "no-tiles-notice-ru");
    }

    void noAttributionForTilesThatAreNotShown()
    {
        auto cache = LocalCache::open(m_dir.filePath(QStringLiteral("cache.sqlite")));
        QNetworkAccessManager network;
        const QRect corner(900 - 170, 600 - 16, 170, 16); // where an attribution is
        // An online source that cannot be reached, OSM's attribution.
        TileSource::Settings unreachable;
        unreachable.urlTemplate = QStringLiteral("http://127.0.0.1:9/{z}/{x}/{y}.png");
        unreachable.attribution = QStringLiteral("© OpenStreetMap contributors");
        TileSource offline(&network, cache->tiles(), unreachable);
        MapWidget map(&offline);
        map.resize(900, 600);
        map.setGeography(demo::omskGeography());
        map.show();
        map.setView(54.99, 73.37, 12.0);
        const QImage none = map.grab().toImage();
        saveShot(none, "no-tiles-no-attribution");
        QCOMPARE(darkPixels(none, corner), 0);
        QTRY_VERIFY(!map.notice().isEmpty());
        QVERIFY(!map.notice().contains(QStringLiteral("No map source")));

        // A source whose tiles are shown: its attribution, always.
        const TileId tile = WebMercator::tileAt(54.99, 73.37, 12);
        TileSource::Settings file;
        file.mbtilesPath = mbtiles(tile);
        TileSource shown(&network, cache->tiles(), file);
        map.setTileSource(&shown);
        const QImage tiles = map.grab().toImage();
        QVERIFY(pixelsLike(tiles, QColor(0, 200, 0)) > 1000);
        QVERIFY(darkPixels(tiles, corner) > 20);
        QTRY_VERIFY(map.notice().isEmpty()); // the notice goes with the first tile
    }

    void theHeatLayersLegendReplacesTheMarkers()
    {
        MapWidget map;
        map.resize(700, 500);
        map.setPoints(demoPoints(1500));
        map.show();
        map.setView(54.99, 73.37, 12.0);
        const QRect legend(700 - 230, 0, 230, 220);
        const QColor moderation = MapWidget::stateColor(ComplaintState::Moderation);
        const QColor overdue(0xd5, 0x00, 0x00);
        QVERIFY(pixelsLike(map.grab().toImage(), moderation, legend) > 10);
        map.setHeat(MapWidget::Heat::Count);
        const QImage heat = map.grab().toImage();
        saveShot(heat, "no-tiles-heat-legend");
        QCOMPARE(pixelsLike(heat, moderation, legend), 0);
        QCOMPARE(pixelsLike(heat, overdue, legend), 0);
        // The ramp: the warm end of the heat palette, in the legend.
        int warm = 0;
        for (int y = legend.top(); y < legend.bottom(); ++y)
            for (int x = legend.left(); x < legend.right(); ++x) {
                const QColor c(heat.pixel(x, y));
                warm += c.red() > 200 && c.green() < 120 && c.blue() < 120 ? 1 : 0;
            }
        QVERIFY(warm > 10);
    }

    void anAreaSaysHowManyItHolds()
    {
        const QList<ClusterIndex::Point> points = demoPoints(1500);
        MapWidget map;
        map.resize(700, 500);
        map.setPoints(points);
        map.show();
        map.setView(54.99, 73.37, 13.0);
        const GeoBox box{54.975, 73.35, 54.995, 73.39};
        map.setArea(box);
        int inBox = 0;
        for (const auto &p : points)
            inBox += box.contains(p.complaint.latitude, p.complaint.longitude) ? 1 : 0;
        QVERIFY(inBox > 20);
        QCOMPARE(map.areaCount(), inBox);
        const QImage image = map.grab().toImage();
        saveShot(image, "no-tiles-area-count");
        // The count's label: a filled box of the area's colour above it.
        QVERIFY(pixelsLike(image, MapColours::lightColours().areaOutline) > 400);

        // A lasso counts what lies in its shape, as the list does.
        const QList<QPointF> lasso{{54.975, 73.35}, {54.995, 73.35}, {54.975, 73.39}};
        map.setArea(box, lasso);
        int inLasso = 0;
        for (const auto &p : points)
            inLasso +=
                QueueQuery::polygonContains(lasso, p.complaint.latitude, p.complaint.longitude) ? 1
                                                                                                : 0;
        QCOMPARE(map.areaCount(), inLasso);
        QVERIFY(inLasso < inBox);
        map.setArea(std::nullopt);
        QCOMPARE(map.areaCount(), 0);
    }

    void theOpenComplaintStaysInSightOfAnArea()
    {
        const QList<ClusterIndex::Point> points = demoPoints(800);
        MapWidget map;
        map.resize(700, 500);
        map.setPoints(points);
        map.show();
        const ClusterIndex::Point open = points[17];
        map.showComplaint(open.complaint.id);
        map.setView(open.complaint.latitude, open.complaint.longitude, 15.0);
        // An area beside the open complaint; the desk narrows the queue to
        // it, so the map's points no longer hold the open one.
        const GeoBox area{open.complaint.latitude - 0.004, open.complaint.longitude + 0.001,
                          open.complaint.latitude + 0.004, open.complaint.longitude + 0.01};
        QList<ClusterIndex::Point> inArea;
        for (const auto &p : points)
            if (area.contains(p.complaint.latitude, p.complaint.longitude))
                inArea.append(p);
        map.setArea(area);
        map.setPoints(inArea);
        QCOMPARE(map.selected(), open.complaint.id);
        const QImage image = map.grab().toImage();
        saveShot(image, "no-tiles-open-beside-area");
        // Its black ring, where it is, not veiled.
        const QRect around(QPoint(350 - 16, 250 - 16), QSize(32, 32));
        QVERIFY(pixelsLike(image, Qt::black, around) > 20);
        QVERIFY(pixelsLike(image, MapWidget::stateColor(open.complaint.state), around) > 10);
        // Nothing open: nothing ringed.
        map.showComplaint(0);
        QCOMPARE(map.selected(), 0);
        QCOMPARE(pixelsLike(map.grab().toImage(), Qt::black, around), 0);
    }

    void theMapFollowsTheThemeAtOnce()
    {
        MapWidget map;
        map.resize(600, 400);
        map.setGeography(demo::omskGeography());
        Complaint open = test::makeComplaint(5);
        open.latitude = 54.99;
        open.longitude = 73.37;
        map.setPoints({{ComplaintPoint::of(open), false}});
        map.show();
        map.showComplaint(5);
        map.setView(54.99, 73.37, 11.0);
        const QRect around(QPoint(300 - 16, 200 - 16), QSize(32, 32));
        const QPoint land(594, 394); // south-east of the city: no district there
        QCOMPARE(QColor(map.grab().toImage().pixel(land)), MapColours::lightColours().background);
        auto *zoomIn = map.findChild<QToolButton *>(QStringLiteral("mapZoomIn"));
        QVERIFY(zoomIn);
        QVERIFY(zoomIn->palette().color(QPalette::Button).lightness() > 200);

        const QPalette before = QApplication::palette();
        // What ui/Theme does for "Dark"; Qt hands the palette to the widgets
        // in the next turn of the event loop, and nothing else is done.
        QApplication::setPalette(darkPalette());
        QApplication::processEvents();
        const QImage dark = map.grab().toImage();
        saveShot(dark, "no-tiles-dark");
        QCOMPARE(QColor(dark.pixel(land)), MapColours::darkColours().background);
        QVERIFY(zoomIn->palette().color(QPalette::Button).lightness() < 100);
        QVERIFY(pixelsLike(dark, Qt::white, around) > 20); // the open complaint's ring
        QCOMPARE(pixelsLike(dark, Qt::black, around), 0);
        int darkFills = 0;
        for (const QColor &fill : MapColours::darkColours().districtFills)
            darkFills += pixelsLike(dark, fill);
        QVERIFY(darkFills > 10000);
        auto *notice = map.findChild<MapNotice *>(QStringLiteral("mapNotice"));
        QVERIFY(notice->palette().color(QPalette::Window).lightness() < 100);

        QApplication::setPalette(before);
        QApplication::processEvents();
        QCOMPARE(QColor(map.grab().toImage().pixel(land)), MapColours::lightColours().background);
        QVERIFY(zoomIn->palette().color(QPalette::Button).lightness() > 200);
    }
};

QTEST_MAIN(TestMapNoTiles)
#include "tst_mapnotiles.moc"
