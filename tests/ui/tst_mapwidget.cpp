// The map widget, rendered offscreen: markers and clusters without any
// tiles (graticule and notice), tiles from an MBTiles file with a parent
// tile standing in for a missing one, corrupt tiles, keyboard zoom and pan,
// clicks on a complaint and on a cluster, the heat layer, the draft badge,
// areas drawn by mouse and chosen by keyboard, and the buttons.

#include "LocalCache.h"
#include "MapSourceDialog.h"
#include "MapWidget.h"
#include "TestSupport.h"
#include "TileSource.h"
#include "sqlite/Database.h"

#include <QBuffer>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
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
        points.append({ComplaintPoint::of(c), c.id % 9 == 0});
    return points;
}

// Pixels where red clearly leads: the heat layer's warm end (no marker,
// graticule or panel is drawn in such a colour; the legend, top right, is
// left out: its overdue ring is red).
int warmPixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width() - 220; x += 2) {
            const QColor c(image.pixel(x, y));
            n += c.red() > 200 && c.green() < 170 && c.blue() < 120 ? 1 : 0;
        }
    }
    return n;
}

void saveShot(const QImage &image, const char *name)
{
    const QString dir = qEnvironmentVariable("REGIONDESK_MAP_SCREENSHOTS");
    if (!dir.isEmpty())
        image.save(dir + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".png"));
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
        // From the queue: centre on a complaint (one with no other close
        // by, so that its marker is its own); a click on it activates it.
        qsizetype alone = 0;
        for (qsizetype i = 0; i < points.size() && !alone; ++i) {
            const auto near = [&](const ClusterIndex::Point &p) {
                return &p != &points[i] &&
                       qAbs(p.complaint.latitude - points[i].complaint.latitude) < 0.0005 &&
                       qAbs(p.complaint.longitude - points[i].complaint.longitude) < 0.0008;
            };
            if (std::none_of(points.begin(), points.end(), near))
                alone = i;
        }
        QVERIFY(alone > 0);
        const qint64 id = points[alone].complaint.id;
        map.showComplaint(id);
        map.setView(points[alone].complaint.latitude, points[alone].complaint.longitude, 18.0);
        QCOMPARE(map.selected(), id);
        QTest::mouseClick(&map, Qt::LeftButton, {}, QPoint(300, 200));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toLongLong(), id);
        // Far out, the city is a few clusters: a click on one zooms in.
        map.setView(points[alone].complaint.latitude, points[alone].complaint.longitude, 9.0);
        QTest::mouseClick(&map, Qt::LeftButton, {}, QPoint(300, 200));
        QVERIFY(map.zoom() > 9.0);
        QCOMPARE(activated.size(), 1);
    }

    void heatLayerByCountAndByVotes()
    {
        MapWidget map;
        map.resize(900, 600);
        auto points = demoPoints(5000);
        for (auto &p : points)
            p.overdue = false; // no red rings: red here is the heat's
        map.setPoints(points);
        map.show();
        map.setView(54.99, 73.37, 12.0);
        const QColor cluster(0x1f, 0x4e, 0x79);
        QVERIFY(pixelsLike(map.grab().toImage(), cluster) > 50);
        QVERIFY(warmPixels(map.grab().toImage()) < 20); // a few antialiased edges at most

        // H: markers → heat by count → heat by votes → markers.
        map.setFocus();
        QTest::keyClick(&map, Qt::Key_H);
        QCOMPARE(map.heat(), MapWidget::Heat::Count);
        const QImage byCount = map.grab().toImage();
        saveShot(byCount, "map-heat");
        QVERIFY(warmPixels(byCount) > 200);
        QCOMPARE(pixelsLike(byCount, cluster), 0); // the heat replaces the clusters
        QTest::keyClick(&map, Qt::Key_H);
        QCOMPARE(map.heat(), MapWidget::Heat::Votes);
        // Votes weigh differently: one corner of the city with all the votes
        // changes the picture.
        for (auto &p : points)
            p.complaint.votes = p.complaint.latitude > 55.0 ? 500 : 0;
        map.setPoints(points);
        const QImage byVotes = map.grab().toImage();
        QVERIFY(warmPixels(byVotes) > 100);
        QVERIFY(byVotes != byCount);
        // Only the top half of the view (north of 55.0) glows.
        const int northY = int(map.height() / 2 - (55.0 - 54.99) * 0 - 1);
        int warmSouth = 0;
        for (int y = northY + 60; y < byVotes.height(); y += 2)
            for (int x = 0; x < byVotes.width(); x += 2)
                warmSouth += QColor(byVotes.pixel(x, y)).red() > 200 &&
                                     QColor(byVotes.pixel(x, y)).green() < 170
                                 ? 1
                                 : 0;
        QCOMPARE(warmSouth, 0);
        QTest::keyClick(&map, Qt::Key_H);
        QCOMPARE(map.heat(), MapWidget::Heat::Off);
        QVERIFY(pixelsLike(map.grab().toImage(), cluster) > 50);
    }

    void draftsAndOverdueLookDistinct()
    {
        MapWidget map;
        map.resize(400, 300);
        QList<ClusterIndex::Point> points;
        Complaint c;
        c.id = 1;
        c.latitude = 54.99;
        c.longitude = 73.37;
        c.state = ComplaintState::Published;
        points.append({ComplaintPoint::of(c, true), true});
        map.setPoints(points);
        map.show();
        map.setView(54.99, 73.37, 16.0);
        const QImage image = map.grab().toImage();
        saveShot(image, "map-draft");
        // The badge's colour appears beside the marker, not only in the legend.
        int nearMarker = 0;
        for (int y = 130; y < 160; ++y)
            for (int x = 190; x < 220; ++x)
                nearMarker += QColor(image.pixel(x, y)) == QColor(0x6a, 0x1b, 0x9a) ? 1 : 0;
        QVERIFY(nearMarker > 5);
        int ring = 0;
        for (int y = 130; y < 170; ++y)
            for (int x = 180; x < 220; ++x)
                ring += QColor(image.pixel(x, y)) == QColor(0xd5, 0x00, 0x00) ? 1 : 0;
        QVERIFY(ring > 5);
    }

    void areasByMouseAndByKeyboard()
    {
        MapWidget map;
        map.resize(600, 400);
        map.setPoints(demoPoints(1000));
        map.show();
        map.setView(54.99, 73.37, 13.0);
        QSignalSpy chosen(&map, &MapWidget::areaChosen);
        QSignalSpy cleared(&map, &MapWidget::areaCleared);

        // Shift+drag draws an area; the view does not move.
        const QPointF centre = map.centre();
        QTest::mousePress(&map, Qt::LeftButton, Qt::ShiftModifier, QPoint(100, 100));
        QTest::mouseMove(&map, QPoint(200, 180));
        QTest::mouseMove(&map, QPoint(300, 250));
        QTest::mouseRelease(&map, Qt::LeftButton, Qt::ShiftModifier, QPoint(300, 250));
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(map.centre(), centre);
        const auto area = chosen.first().first().value<GeoBox>();
        QVERIFY(area.isValid());
        QCOMPARE(map.area(), std::optional<GeoBox>(area));
        const GeoBox view = map.viewBox();
        QVERIFY(area.west > view.west && area.east < view.east);
        QVERIFY(area.south > view.south && area.north < view.north);
        // About a third of the width and 150/400 of the height.
        QVERIFY(qAbs((area.east - area.west) / (view.east - view.west) - 200.0 / 600) < 0.01);
        saveShot(map.grab().toImage(), "map-area");

        // Esc clears it.
        map.setFocus();
        QTest::keyClick(&map, Qt::Key_Escape);
        QCOMPARE(cleared.size(), 1);
        QVERIFY(!map.area());

        // The area button: a plain drag draws, once.
        auto *button = map.findChild<QToolButton *>(QStringLiteral("mapSelectArea"));
        QVERIFY(button);
        button->click();
        QTest::mousePress(&map, Qt::LeftButton, {}, QPoint(50, 50));
        QTest::mouseMove(&map, QPoint(150, 150));
        QTest::mouseRelease(&map, Qt::LeftButton, {}, QPoint(150, 150));
        QCOMPARE(chosen.size(), 2);
        QVERIFY(!button->isChecked());
        QCOMPARE(map.centre(), centre);
        // …and the next drag pans again.
        QTest::mousePress(&map, Qt::LeftButton, {}, QPoint(300, 200));
        QTest::mouseMove(&map, QPoint(320, 220));
        QTest::mouseMove(&map, QPoint(350, 240));
        QTest::mouseRelease(&map, Qt::LeftButton, {}, QPoint(350, 240));
        QCOMPARE(chosen.size(), 2);
        QVERIFY(map.centre() != centre);

        // Ctrl+drag: a free-form area (lasso), its vertices in degrees.
        QTest::mousePress(&map, Qt::LeftButton, Qt::ControlModifier, QPoint(100, 100));
        for (const QPoint &p :
             {QPoint(200, 90), QPoint(260, 160), QPoint(230, 260), QPoint(140, 240)})
            QTest::mouseMove(&map, p);
        QTest::mouseRelease(&map, Qt::LeftButton, Qt::ControlModifier, QPoint(110, 150));
        QCOMPARE(chosen.size(), 3);
        const QList<QPointF> lasso = map.areaPolygon();
        QVERIFY(lasso.size() >= 5);
        for (const QPointF &vertex : lasso)
            QVERIFY(map.area()->contains(vertex.x(), vertex.y()));
        saveShot(map.grab().toImage(), "map-lasso");
        QTest::keyClick(&map, Qt::Key_Escape);
        QVERIFY(map.areaPolygon().isEmpty());

        // A: what is in view.
        QTest::keyClick(&map, Qt::Key_A);
        QCOMPARE(chosen.size(), 4);
        QCOMPARE(*map.area(), map.viewBox());
        // The clear button is there while an area is.
        auto *clear = map.findChild<QToolButton *>(QStringLiteral("mapClearArea"));
        QVERIFY(clear && clear->isVisibleTo(&map));
        clear->click();
        QCOMPARE(cleared.size(), 3);
        QVERIFY(!clear->isVisibleTo(&map));
    }

    void buttonsZoomFitAndShowTheAgencysArea()
    {
        MapWidget map;
        map.resize(600, 400);
        map.setPoints(demoPoints(1000));
        map.show();
        map.setView(54.99, 73.37, 12.0);
        const auto button = [&](const char *name) {
            return map.findChild<QToolButton *>(QString::fromLatin1(name));
        };
        button("mapZoomIn")->click();
        QCOMPARE(map.zoom(), 13.0);
        button("mapZoomOut")->click();
        button("mapZoomOut")->click();
        QCOMPARE(map.zoom(), 11.0);
        QVERIFY(!button("mapAgencyArea")->isVisibleTo(&map));
        const GeoBox agency{54.90, 73.20, 54.93, 73.26};
        map.setAgencyArea(agency);
        QVERIFY(button("mapAgencyArea")->isVisibleTo(&map));
        button("mapAgencyArea")->click();
        QVERIFY(map.viewBox().contains(agency.south, agency.west));
        QVERIFY(map.viewBox().contains(agency.north, agency.east));
        QVERIFY(map.zoom() >= 13); // close in, not the whole city
        map.setView(54.99, 73.37, 5.0);
        QTest::keyClick(&map, Qt::Key_G);
        QVERIFY(map.zoom() >= 13);
        button("mapFitAll")->click();
        QVERIFY(map.zoom() < 13);
        // Every button is reachable by Tab (keyboard users).
        for (const char *name :
             {"mapZoomIn", "mapZoomOut", "mapFitAll", "mapAgencyArea", "mapHeat", "mapSelectArea"})
            QVERIFY2(button(name)->focusPolicy() & Qt::TabFocus, name);
    }

    void thumbnailShowsThePlaceAndOpensTheMap()
    {
        MapWidget thumb;
        thumb.setThumbnail(true);
        thumb.resize(180, 120);
        Complaint c;
        c.id = 7;
        c.latitude = 54.99;
        c.longitude = 73.37;
        c.state = ComplaintState::Published;
        thumb.setPoints({{ComplaintPoint::of(c), false}});
        thumb.setView(c.latitude, c.longitude, 16.0);
        thumb.show();
        const QImage image = thumb.grab().toImage();
        saveShot(image, "map-thumbnail");
        QVERIFY(pixelsLike(image, MapWidget::stateColor(ComplaintState::Published)) > 5);
        QVERIFY(!thumb.findChild<QWidget *>(QStringLiteral("mapButtons"))->isVisibleTo(&thumb));
        QCOMPARE(thumb.focusPolicy(), Qt::NoFocus);
        QSignalSpy clicked(&thumb, &MapWidget::clicked);
        const double zoom = thumb.zoom();
        QTest::mousePress(&thumb, Qt::LeftButton, {}, QPoint(20, 20));
        QTest::mouseMove(&thumb, QPoint(80, 80));
        QTest::mouseRelease(&thumb, Qt::LeftButton, {}, QPoint(80, 80));
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(thumb.zoom(), zoom); // never moved by the mouse
        QCOMPARE(thumb.centre(), QPointF(c.latitude, c.longitude));
    }

    void mapSourceDialogChecksWhatItIsGiven()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("source.conf")), QSettings::IniFormat);
        QCOMPARE(MapSourceDialog::sourceIn(settings), MapSourceDialog::Source::OpenStreetMap);
        const auto tryWith = [&](const char *choice, const char *edit, const QString &text) {
            MapSourceDialog dialog(settings, false);
            dialog.findChild<QRadioButton *>(QString::fromLatin1(choice))->setChecked(true);
            if (edit)
                dialog.findChild<QLineEdit *>(QString::fromLatin1(edit))->setText(text);
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            const auto *error = dialog.findChild<QLabel *>(QStringLiteral("mapSourceError"));
            return std::pair{dialog.result() == QDialog::Accepted,
                             error->isVisibleTo(&dialog) ? error->text() : QString()};
        };
        // Bad templates: refused with a reason, nothing saved.
        auto [ok, error] = tryWith("serverChoice", "templateEdit",
                                   QStringLiteral("https://tiles.example.ru/{z}/{x}.png"));
        QVERIFY(!ok);
        QVERIFY(error.contains(QStringLiteral("{y}")));
        {
            MapSourceDialog shown(settings, false);
            shown.show();
            saveShot(shown.grab().toImage(), "map-source");
        }
        std::tie(ok, error) = tryWith("serverChoice", "templateEdit",
                                      QStringLiteral("ftp://tiles.example.ru/{z}/{x}/{y}.png"));
        QVERIFY(!ok);
        QVERIFY(error.contains(QStringLiteral("https://")));
        QVERIFY(!settings.contains(QStringLiteral("map/urlTemplate")));
        // A good one is saved.
        std::tie(ok, error) = tryWith("serverChoice", "templateEdit",
                                      QStringLiteral("https://tiles.example.ru/{z}/{x}/{y}.png"));
        QVERIFY(ok);
        QCOMPARE(MapSourceDialog::sourceIn(settings), MapSourceDialog::Source::Server);

        // A file that is not MBTiles: refused, named; a real one is saved.
        const QString text = m_dir.filePath(QStringLiteral("notes.mbtiles"));
        QFile notes(text);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("this is not a database");
        notes.close();
        std::tie(ok, error) = tryWith("fileChoice", "fileEdit", text);
        QVERIFY(!ok);
        QVERIFY2(error.contains(QStringLiteral("notes.mbtiles")), qPrintable(error));
        QCOMPARE(MapSourceDialog::sourceIn(settings), MapSourceDialog::Source::Server);
        QImage blank(256, 256, QImage::Format_RGB32);
        blank.fill(Qt::white);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        blank.save(&buffer, "PNG");
        const QString file = mbtiles(png, {5, 10, 10});
        std::tie(ok, error) = tryWith("fileChoice", "fileEdit", file);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(MapSourceDialog::sourceIn(settings), MapSourceDialog::Source::MbTilesFile);
        std::tie(ok, error) = tryWith("noneChoice", nullptr, {});
        QVERIFY(ok);
        QCOMPARE(MapSourceDialog::sourceIn(settings), MapSourceDialog::Source::None);

        // What the administrator set cannot be changed here.
        MapSourceDialog locked(settings, true);
        QVERIFY(!locked.findChild<QRadioButton *>(QStringLiteral("osmChoice"))->isEnabled());
        QVERIFY(!locked.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());

        // The map takes another source (or none) at once.
        MapWidget map;
        map.resize(400, 300);
        map.show();
        map.setTileSource(nullptr);
        QVERIFY(!map.grab().toImage().isNull());
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
