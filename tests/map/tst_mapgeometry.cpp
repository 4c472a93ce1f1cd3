// The map's geometry in models/: Web Mercator projection and tile math
// (against known tiles and the MBTiles TMS row flip), grid clustering at
// every zoom (every complaint in exactly one cluster, counts and votes add
// up, click-to-zoom expands), and the "nearby" distances.

#include "ClusterIndex.h"
#include "Nearby.h"
#include "TestSupport.h"
#include "WebMercator.h"

#include <QRandomGenerator>
#include <QTest>

using namespace rd;

class TestMapGeometry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boxesGrowAndMeet()
    {
        GeoBox box = GeoBox::nothing();
        QVERIFY(!box.isValid()); // nothing yet
        box.include(54.9, 73.3);
        QVERIFY(box.isValid() && box.contains(54.9, 73.3));
        box.include(55.1, 73.2);
        QCOMPARE(box, (GeoBox{54.9, 73.2, 55.1, 73.3}));
        QCOMPARE(box.intersected({55.0, 73.0, 56.0, 73.25}), (GeoBox{55.0, 73.2, 55.1, 73.25}));
        QVERIFY(!box.intersected({10.0, 10.0, 11.0, 11.0}).isValid()); // apart
        QVERIFY(GeoBox::world().contains(54.9, 73.3));
    }

    void overdueIsOneRule()
    {
        const QDate today(2026, 11, 28);
        const QDate yesterday = today.addDays(-1);
        QVERIFY(isAnswerOverdue(ComplaintState::Published, yesterday, today));
        QVERIFY(isAnswerOverdue(ComplaintState::Contested, yesterday, today));
        QVERIFY(!isAnswerOverdue(ComplaintState::Published, today, today)); // due today: not yet
        QVERIFY(!isAnswerOverdue(ComplaintState::InProgress, yesterday, today)); // answered
        QVERIFY(!isAnswerOverdue(ComplaintState::Solved, yesterday, today));
        QVERIFY(!isAnswerOverdue(ComplaintState::Published, QDate(), today)); // no due date
    }

    void projectionRoundTrips()
    {
        QRandomGenerator random(3);
        for (int i = 0; i < 2000; ++i) {
            const double lat = random.bounded(170.0) - 85.0;
            const double lon = random.bounded(360.0) - 180.0;
            const double zoom = random.bounded(19.0);
            const QPointF back = WebMercator::unproject(WebMercator::project(lat, lon, zoom), zoom);
            QVERIFY(std::abs(back.x() - lat) < 1e-9);
            QVERIFY(std::abs(back.y() - lon) < 1e-9);
        }
    }

    void knownValues()
    {
        QCOMPARE(WebMercator::project(0, 0, 0), QPointF(128, 128));
        QCOMPARE(WebMercator::project(0, -180, 3).x(), 0.0);
        QVERIFY(std::abs(WebMercator::project(WebMercator::MaxLatitude, 0, 0).y()) < 1e-6);
        // Central Moscow is tile 10/619/320 of the OpenStreetMap standard layer.
        QCOMPARE(WebMercator::tileAt(55.7558, 37.6173, 10), (TileId{10, 619, 320}));
        // The whole world is tile 0/0/0.
        const GeoBox world = WebMercator::tileBounds({0, 0, 0});
        QVERIFY(std::abs(world.north - WebMercator::MaxLatitude) < 1e-9);
        QVERIFY(std::abs(world.south + WebMercator::MaxLatitude) < 1e-9);
        QCOMPARE(world.west, -180.0);
        QCOMPARE(world.east, 180.0);
        // A tile's corners project back onto its pixel corners.
        const TileId omsk = WebMercator::tileAt(54.9885, 73.3242, 14);
        const GeoBox b = WebMercator::tileBounds(omsk);
        QVERIFY(b.contains(54.9885, 73.3242));
        const QPointF nw = WebMercator::project(b.north, b.west, 14);
        QVERIFY(std::abs(nw.x() - omsk.x * 256.0) < 1e-6);
        QVERIFY(std::abs(nw.y() - omsk.y * 256.0) < 1e-6);
        // The scale: 156 543.03 m a pixel at the equator at zoom 0.
        QVERIFY(std::abs(WebMercator::metresPerPixel(0, 0) - 156543.03392804097) < 1e-6);
        QVERIFY(std::abs(WebMercator::metresPerPixel(60, 1) - 156543.03392804097 / 4) < 1e-6);
    }

    void tmsRowsFlip()
    {
        // MBTiles 1.3: tile_row is TMS, counted from the south: 2^z - 1 - y.
        QCOMPARE((TileId{1, 0, 0}).tmsRow(), 1);
        QCOMPARE((TileId{3, 5, 2}).tmsRow(), 5);
        QCOMPARE((TileId{0, 0, 0}).tmsRow(), 0);
        QCOMPARE(TileId::fromTms(3, 5, 5), (TileId{3, 5, 2}));
        QCOMPARE(TileId::fromTms(14, 11529, TileId{14, 11529, 5190}.tmsRow()),
                 (TileId{14, 11529, 5190}));
        QCOMPARE((TileId{10, 619, 320}).parent(), (TileId{9, 309, 160}));
        QVERIFY(!(TileId{2, 4, 0}).isValid());
    }

    void everyComplaintInExactlyOneClusterAtEveryZoom()
    {
        QList<ClusterIndex::Point> points;
        qint64 votes = 0;
        int overdue = 0;
        int drafts = 0;
        for (const Complaint &c : test::demoComplaints(20000, 11)) {
            ClusterIndex::Point p;
            p.complaint = ComplaintPoint::of(c);
            p.complaint.hasDraft = c.id % 7 == 0;
            p.overdue = c.id % 5 == 0;
            votes += c.votes;
            overdue += p.overdue ? 1 : 0;
            drafts += p.complaint.hasDraft ? 1 : 0;
            points.append(p);
        }
        ClusterIndex index(64, 18);
        index.build(points);
        for (int zoom = 0; zoom <= index.maxZoom(); ++zoom) {
            const auto &level = index.level(zoom);
            QHash<qint64, int> expected; // cell → complaints in it
            for (const auto &p : std::as_const(points))
                ++expected[index.cellKey(
                    WebMercator::project(p.complaint.latitude, p.complaint.longitude, zoom), zoom)];
            QCOMPARE(qsizetype(level.size()), expected.size());
            qint64 count = 0;
            qint64 levelVotes = 0;
            int levelOverdue = 0;
            int levelDrafts = 0;
            for (const auto &c : level) {
                QCOMPARE(c.count, expected.value(c.cellKey, -1));
                count += c.count;
                levelVotes += c.votes;
                levelOverdue += c.overdue;
                levelDrafts += c.drafts;
            }
            QCOMPARE(count, points.size());
            QCOMPARE(levelVotes, votes);
            QCOMPARE(levelOverdue, overdue);
            QCOMPARE(levelDrafts, drafts);
        }
        // Fewer clusters the further out.
        QVERIFY(index.level(8).size() < index.level(12).size());
        QVERIFY(index.level(12).size() < index.level(16).size());
    }

    void clickingAClusterZoomsToWhereItSplits()
    {
        QList<ClusterIndex::Point> points;
        for (const Complaint &c : test::demoComplaints(5000, 12))
            points.append({ComplaintPoint::of(c), false});
        ClusterIndex index;
        index.build(points);
        const int zoom = 11;
        int checked = 0;
        for (const auto &cluster : index.level(zoom)) {
            if (cluster.single())
                continue;
            const int to = index.expansionZoom(cluster, zoom);
            QVERIFY(to > zoom);
            // Its complaints: together in one cell below `to`, apart at `to`.
            QList<ClusterIndex::Point> members;
            for (const auto &p : std::as_const(points)) {
                if (index.cellKey(
                        WebMercator::project(p.complaint.latitude, p.complaint.longitude, zoom),
                        zoom) == cluster.cellKey)
                    members.append(p);
            }
            QCOMPARE(members.size(), cluster.count);
            auto cellsAt = [&](int z) {
                QSet<qint64> cells;
                for (const auto &p : std::as_const(members))
                    cells.insert(index.cellKey(
                        WebMercator::project(p.complaint.latitude, p.complaint.longitude, z), z));
                return cells.size();
            };
            if (to <= index.maxZoom()) {
                QVERIFY(cellsAt(to) > 1);
            }
            QCOMPARE(cellsAt(to - 1), 1);
            if (++checked == 40)
                break;
        }
        QVERIFY(checked > 0);
    }

    void viewQueriesFindEverythingInView()
    {
        QList<ClusterIndex::Point> points;
        for (const Complaint &c : test::demoComplaints(10000, 13))
            points.append({ComplaintPoint::of(c), false});
        ClusterIndex index;
        index.build(points);
        const GeoBox view{54.95, 73.30, 55.02, 73.42};
        for (const int zoom : {9, 12, 14, 16}) {
            const QList<ClusterIndex::Cluster> found = index.clusters(view, zoom);
            QSet<qint64> cells;
            qint64 count = 0;
            for (const auto &c : found) {
                cells.insert(c.cellKey);
                count += c.count;
            }
            int inView = 0;
            for (const auto &p : std::as_const(points)) {
                if (!view.contains(p.complaint.latitude, p.complaint.longitude))
                    continue;
                ++inView;
                QVERIFY(cells.contains(index.cellKey(
                    WebMercator::project(p.complaint.latitude, p.complaint.longitude, zoom),
                    zoom)));
            }
            QVERIFY(inView > 0);
            QVERIFY(count >= inView); // cells at the edge also hold some outside
        }
    }

    void nearbyIsSortedAndWithinTheRadius()
    {
        const QGeoCoordinate centre(54.9885, 73.3242);
        QList<ComplaintPoint> points;
        QRandomGenerator random(5);
        for (int i = 1; i <= 500; ++i)
            points.append({i,
                           centre.latitude() + random.bounded(0.02) - 0.01,
                           centre.longitude() + random.bounded(0.03) - 0.015,
                           ComplaintState::Published,
                           0,
                           {},
                           false});
        const auto near = nearestWithin(points, centre, 400.0, 7);
        QVERIFY(!near.isEmpty());
        for (qsizetype i = 0; i < near.size(); ++i) {
            QVERIFY(near[i].metres <= 400.0);
            QVERIFY(near[i].point.id != 7);
            if (i > 0)
                QVERIFY(near[i - 1].metres <= near[i].metres);
        }
        // The coarse box holds every point within the radius.
        const GeoBox box = boxAround(centre, 400.0);
        int within = 0;
        for (const auto &p : std::as_const(points)) {
            if (centre.distanceTo(QGeoCoordinate(p.latitude, p.longitude)) <= 400.0) {
                ++within;
                QVERIFY(box.contains(p.latitude, p.longitude));
            }
        }
        QCOMPARE(near.size(), within - (centre.distanceTo(QGeoCoordinate(
                                            points[6].latitude, points[6].longitude)) <= 400.0
                                            ? 1
                                            : 0));
    }
};

QTEST_GUILESS_MAIN(TestMapGeometry)
#include "tst_mapgeometry.moc"
