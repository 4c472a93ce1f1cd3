// scripts/bench map: the complaint map with 100 000 demo complaints
// (DESIGN.md §6: one frame ≤ 8 ms at any zoom). Builds the cluster index,
// then renders the widget (no tiles: graticule, clusters, overlay) into an
// image at several zooms over Omsk and prints the slowest zoom's median.

#include "BenchReport.h"
#include "ClusterIndex.h"
#include "DemoGenerator.h"
#include "MapWidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

using namespace rd;
using rd::bench::BenchReport;
using rd::bench::medianMs;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    BenchReport report("map");
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100'000;
    demo::DemoGenerator generator(2026, QDateTime::currentDateTimeUtc());
    QList<ClusterIndex::Point> points;
    points.reserve(count);
    for (const auto &d : generator.generate(count)) {
        const Complaint &c = d.complaint;
        points.append({ComplaintPoint::of(c), c.id % 9 == 0});
    }
    QElapsedTimer timer;
    timer.start();
    ClusterIndex index;
    index.build(points);
    report.note(QStringLiteral("%1 demo complaints; cluster index built in %2 ms")
                    .arg(count)
                    .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 1));

    MapWidget map;
    map.resize(1366, 768);
    map.setPoints(points);
    QImage frame(map.size(), QImage::Format_ARGB32_Premultiplied);
    double worst = 0;
    for (const double zoom : {9.0, 11.0, 13.0, 15.0, 17.0, 18.5}) {
        map.setView(54.99, 73.37, zoom);
        const double ms = medianMs(15, [&] { map.render(&frame); });
        report.note(QStringLiteral("zoom %1: %2 ms a frame").arg(zoom).arg(ms, 0, 'f', 2));
        worst = std::max(worst, ms);
    }
    report.figure("frame_100k", worst, "ms", 8);
    return report.exitCode();
}
