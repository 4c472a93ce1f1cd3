// scripts/bench map: the complaint map with 100 000 demo complaints
// (DESIGN.md §6: one frame ≤ 8 ms at any zoom; resident memory with
// 100 000 cached and the map open ≤ 250 MB). A real cache file is filled,
// the map's points read from it and clustered as the desk does after a
// sync, then the widget (no tiles: the demo's geography — Omsk's okrugs and
// streets —, clusters, overlay, buttons) is rendered into an image while
// panning and zooming at every zoom level from 9 to 18, with markers and
// with the heat layer. Frame figures are the worst zoom's 95th percentile
// and the worst single frame. Then the same frames with a city's worth of
// streets (10 000 lines of 30 points, named), as an agency's own
// geography may hold.

#include "BenchReport.h"
#include "ClusterIndex.h"
#include "DemoCache.h"
#include "MapBench.h"
#include "MapWidget.h"
#include "OmskGeography.h"
#include "WebMercator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QTemporaryDir>

using namespace rd;
using rd::bench::atScale;
using rd::bench::BenchReport;
using rd::bench::elapsedMs;
using rd::bench::sized;

using rd::bench::Frames;
using rd::bench::readPoints;
using rd::bench::residentMegabytes;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100'000;
    BenchReport report("map", count);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    bench::fillDemoCache(path, count);
    const auto cache = LocalCache::open(path);
    const QDate today = QDate::currentDate();

    MapWidget map;
    map.resize(1366, 768);
    map.setGeography(demo::omskGeography());
    QList<ClusterIndex::Point> points;
    std::vector<double> rebuild;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        points = readPoints(*cache, today);
        map.setPoints(points);
        rebuild.push_back(elapsedMs(timer));
    }
    std::sort(rebuild.begin(), rebuild.end());
    report.note(QStringLiteral("%1 demo complaints in the cache").arg(points.size()));
    report.figure(sized("cluster_rebuild", count), rebuild[rebuild.size() / 2], "ms",
                  atScale(count, 250, 2500));

    QImage frame(map.size(), QImage::Format_ARGB32_Premultiplied);
    const auto frames = [&](double zoom) {
        Frames f;
        const QPointF start = WebMercator::project(54.99, 73.37, zoom);
        // Panning: 40 frames, 25 px apart, along a diagonal and back.
        for (int i = 0; i < 40; ++i) {
            const double step = (i < 20 ? i : 40 - i) * 25.0;
            const QPointF c = WebMercator::unproject(start + QPointF(step, step * 0.6), zoom);
            map.setView(c.x(), c.y(), zoom);
            QElapsedTimer timer;
            timer.start();
            map.render(&frame);
            f.add(elapsedMs(timer));
        }
        // Zooming: ten steps of a tenth through this level.
        for (int i = 0; i < 10; ++i) {
            map.setView(54.99, 73.37, zoom + i / 10.0);
            QElapsedTimer timer;
            timer.start();
            map.render(&frame);
            f.add(elapsedMs(timer));
        }
        return f;
    };
    for (const auto heat : {MapWidget::Heat::Off, MapWidget::Heat::Votes}) {
        map.setHeat(heat);
        const bool heated = heat != MapWidget::Heat::Off;
        double worstP95 = 0;
        double worstMax = 0;
        QStringList perZoom;
        map.setView(54.99, 73.37, 9.0);
        map.render(&frame); // warm-up (fonts, label cache)
        for (int zoom = 9; zoom <= 18; ++zoom) {
            const Frames f = frames(zoom);
            perZoom << QStringLiteral("%1: %2/%3")
                           .arg(zoom)
                           .arg(f.p95(), 0, 'f', 1)
                           .arg(f.max(), 0, 'f', 1);
            worstP95 = std::max(worstP95, f.p95());
            worstMax = std::max(worstMax, f.max());
        }
        report.note(QStringLiteral("%1, ms per frame p95/max by zoom: %2")
                        .arg(heated ? QStringLiteral("heat by votes") : QStringLiteral("markers"),
                             perZoom.join(QStringLiteral(", "))));
        report.figure(sized(heated ? "heat_frame_p95" : "frame_p95", count), worstP95, "ms", 8);
        report.figure(sized(heated ? "heat_frame_max" : "frame_max", count), worstMax, "ms", 8);
    }
    report.figure(sized("memory", count), residentMegabytes(), "MB", atScale(count, 250, 600));

    // An agency's whole street network: 10 000 wavy lines over the city.
    Geography city = demo::omskGeography();
    for (int i = 0; i < 10'000; ++i) {
        const double lat = 54.90 + (i % 100) * 0.002;
        const double lon = 73.22 + (i / 100) * 0.003;
        GeoLine line;
        for (int p = 0; p < 30; ++p)
            line.append(
                {lat + p * 0.0004 * ((i % 2) ? 1 : 0.3), lon + p * 0.0003 + (p % 3) * 1e-5});
        city.streets.append({QStringLiteral("ул. Линия %1").arg(i), {line}});
    }
    QElapsedTimer prepare;
    prepare.start();
    map.setGeography(city);
    report.note(
        QStringLiteral("10 000 streets prepared in %1 ms").arg(elapsedMs(prepare), 0, 'f', 0));
    map.setHeat(MapWidget::Heat::Off);
    double cityP95 = 0;
    double cityMax = 0;
    QStringList perZoom;
    for (int zoom = 9; zoom <= 18; ++zoom) {
        const Frames f = frames(zoom);
        perZoom << QStringLiteral("%1: %2/%3")
                       .arg(zoom)
                       .arg(f.p95(), 0, 'f', 1)
                       .arg(f.max(), 0, 'f', 1);
        cityP95 = std::max(cityP95, f.p95());
        cityMax = std::max(cityMax, f.max());
    }
    report.note(QStringLiteral("10 000 streets, ms per frame p95/max by zoom: %1")
                    .arg(perZoom.join(QStringLiteral(", "))));
    report.figure(sized("streets_frame_p95", count), cityP95, "ms", 8);
    report.figure(sized("streets_frame_max", count), cityMax, "ms", 8);
    return report.exitCode();
}
