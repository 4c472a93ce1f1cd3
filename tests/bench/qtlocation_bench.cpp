// scripts/bench qtlocation (Qt >= 6.5 only; built where Qt Location exists):
// Qt Location's QML Map, in the desk through a QQuickWidget, measured
// against our MapWidget on the same complaints of a real demo cache at
// 1366 × 768 — the question of docs/map.md's "Qt Location" section.
//
// Three modes, each in a process of its own so that memory is its own:
//   ours       MapWidget (no tiles), as map_bench draws it;
//   clustered  Qt Location's Map with a MapItemView over a model of the
//              clusters in view (our ClusterIndex, updated per frame by
//              inserting and removing rows, never a reset) — the best
//              practice for many points that Qt Location allows;
//   items      the same Map with a MapItemView of every complaint, one
//              light delegate (a dot) each — the documented way, at scale.
// The same frames for all: at each zoom 9–18, 40 pans 25 px apart and ten
// tenths of a level; "items" is given fewer (zooms 9, 12, 15, 18; 10 pans,
// 3 zoom steps) and a time cap, as its frames take long. A frame is the
// change of view plus a synchronous render into an image (MapWidget::render
// for ours, QQuickWidget::grabFramebuffer for Qt Quick). The Qt Quick scene
// uses the software renderer by default, as ours paints with QPainter on the
// CPU; `--backend opengl` (under Xvfb: Mesa) tries the RHI instead.
//
//   qtlocation_bench [COUNT] [--backend software|opengl] [--snapshot DIR]
//   qtlocation_bench --mode ours|clustered|items --cache FILE [--backend …]

#include "BenchReport.h"
#include "ClusterIndex.h"
#include "DemoCache.h"
#include "MapBench.h"
#include "MapWidget.h"
#include "WebMercator.h"

#include <QAbstractListModel>
#include <QApplication>
#include <QColor>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGeoCoordinate>
#include <QImage>
#include <QProcess>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWidget>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTemporaryDir>

#include <cmath>
#include <functional>
#include <unordered_map>

using namespace rd;
using rd::bench::BenchReport;
using rd::bench::elapsedMs;
using rd::bench::Frames;
using rd::bench::residentMegabytes;

namespace {

constexpr QSize ViewSize(1366, 768);
constexpr double StartLatitude = 54.99;
constexpr double StartLongitude = 73.37;

QList<ClusterIndex::Point> readPoints(const QString &cachePath)
{
    const auto cache = LocalCache::open(cachePath);
    return bench::readPoints(*cache, QDate::currentDate());
}

// The view's box in degrees, as MapWidget::viewBox() works it out, widened
// by one cluster cell so that markers at the edges are drawn too.
GeoBox viewBox(double latitude, double longitude, double zoom, int margin)
{
    const QPointF centre = WebMercator::project(latitude, longitude, zoom);
    const QPointF half(ViewSize.width() / 2.0 + margin, ViewSize.height() / 2.0 + margin);
    const QPointF nw = WebMercator::unproject(centre - half, zoom);
    const QPointF se = WebMercator::unproject(centre + half, zoom);
    return GeoBox{se.x(), nw.y(), nw.x(), se.y()}.intersected(GeoBox::world());
}

// What a MapItemView delegate reads: a place, a colour, a count.
class MarkerModel final : public QAbstractListModel
{
public:
    enum Role
    {
        LatitudeRole = Qt::UserRole + 1,
        LongitudeRole,
        ColourRole,
        CountRole
    };
    struct Marker
    {
        qint64 key = 0;
        double latitude = 0;
        double longitude = 0;
        QColor colour;
        int count = 1;
    };

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_markers.size());
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= int(m_markers.size()))
            return {};
        const Marker &m = m_markers[size_t(index.row())];
        switch (role) {
        case LatitudeRole:
            return m.latitude;
        case LongitudeRole:
            return m.longitude;
        case ColourRole:
            return m.colour;
        case CountRole:
            return m.count;
        default:
            return {};
        }
    }
    QHash<int, QByteArray> roleNames() const override
    {
        return {{LatitudeRole, "latitude"},
                {LongitudeRole, "longitude"},
                {ColourRole, "colour"},
                {CountRole, "count"}};
    }

    // Every complaint, once (mode "items").
    void setAll(const QList<ClusterIndex::Point> &points)
    {
        beginResetModel();
        m_markers.clear();
        m_markers.reserve(size_t(points.size()));
        for (const ClusterIndex::Point &p : points) {
            m_markers.push_back({p.complaint.id, p.complaint.latitude, p.complaint.longitude,
                                 MapWidget::stateColor(p.complaint.state), 1});
        }
        endResetModel();
    }

    // The clusters of a view (mode "clustered"): the rows whose cluster left
    // the view are removed, the new ones appended; the rest stay, so that
    // the view keeps their delegates while panning.
    void setClusters(const QList<ClusterIndex::Cluster> &clusters, int zoom)
    {
        std::unordered_map<qint64, const ClusterIndex::Cluster *> wanted;
        wanted.reserve(size_t(clusters.size()));
        for (const ClusterIndex::Cluster &c : clusters)
            wanted.emplace(qint64(zoom) << 56 ^ c.cellKey, &c);
        for (int row = int(m_markers.size()) - 1; row >= 0; --row) {
            if (wanted.erase(m_markers[size_t(row)].key) > 0)
                continue;
            int first = row;
            while (first > 0 && !wanted.contains(m_markers[size_t(first - 1)].key))
                --first;
            beginRemoveRows({}, first, row);
            m_markers.erase(m_markers.begin() + first, m_markers.begin() + row + 1);
            endRemoveRows();
            row = first;
        }
        if (wanted.empty())
            return;
        const int first = int(m_markers.size());
        beginInsertRows({}, first, first + int(wanted.size()) - 1);
        for (const auto &[key, c] : wanted) {
            m_markers.push_back(
                {key, c->latitude, c->longitude,
                 c->single() ? MapWidget::stateColor(c->state) : QColor(0x1e, 0x64, 0xc8),
                 c->count});
        }
        endInsertRows();
    }

private:
    std::vector<Marker> m_markers;
};

// One of the three maps, behind the same two calls.
struct Subject
{
    std::function<void(double latitude, double longitude, double zoom)> setView;
    std::function<void()> render;
};

// The frames of one zoom level: pans along a diagonal and back, then tenths
// of a level, as map_bench.
Frames framesAt(Subject &subject, double zoom, int pans, int zoomSteps)
{
    Frames f;
    const QPointF start = WebMercator::project(StartLatitude, StartLongitude, zoom);
    for (int i = 0; i < pans; ++i) {
        const double step = (i < pans / 2 ? i : pans - i) * 25.0;
        const QPointF c = WebMercator::unproject(start + QPointF(step, step * 0.6), zoom);
        QElapsedTimer timer;
        timer.start();
        subject.setView(c.x(), c.y(), zoom);
        subject.render();
        f.add(elapsedMs(timer));
    }
    for (int i = 0; i < zoomSteps; ++i) {
        QElapsedTimer timer;
        timer.start();
        subject.setView(StartLatitude, StartLongitude, zoom + i / double(zoomSteps));
        subject.render();
        f.add(elapsedMs(timer));
    }
    return f;
}

int runMode(const QString &mode, const QString &cachePath, const QString &snapshotDir)
{
    BenchReport report("qtlocation");
    const QList<ClusterIndex::Point> points = readPoints(cachePath);
    const QString scale = points.size() >= 1'000'000 ? QStringLiteral("1m")
                          : points.size() >= 1000 ? QStringLiteral("%1k").arg(points.size() / 1000)
                                                  : QString::number(points.size());
    const auto name = [&](const char *what) {
        return QStringLiteral("%1_%2_%3").arg(mode, QLatin1String(what), scale).toLatin1();
    };

    QElapsedTimer firstFrame;
    firstFrame.start();
    Subject subject;
    std::unique_ptr<MapWidget> ours;
    std::unique_ptr<QQuickWidget> quick;
    std::unique_ptr<MarkerModel> model;
    std::unique_ptr<ClusterIndex> index;
    QImage image(ViewSize, QImage::Format_ARGB32_Premultiplied);
    if (mode == QLatin1String("ours")) {
        ours = std::make_unique<MapWidget>();
        ours->resize(ViewSize);
        ours->setPoints(points);
        subject.setView = [&](double lat, double lon, double zoom) {
            ours->setView(lat, lon, zoom);
        };
        subject.render = [&] { ours->render(&image); };
    } else {
        model = std::make_unique<MarkerModel>();
        const bool clustered = mode == QLatin1String("clustered");
        if (clustered) {
            index = std::make_unique<ClusterIndex>();
            index->build(points);
        } else {
            model->setAll(points);
        }
        quick = std::make_unique<QQuickWidget>();
        quick->setResizeMode(QQuickWidget::SizeRootObjectToView);
        quick->resize(ViewSize);
        quick->rootContext()->setContextProperty(QStringLiteral("complaintModel"), model.get());
        quick->rootContext()->setContextProperty(QStringLiteral("clustered"), clustered);
        quick->setSource(QUrl(QStringLiteral("qrc:/qtlocation_bench.qml")));
        if (quick->status() != QQuickWidget::Ready || !quick->rootObject()) {
            for (const QQmlError &error : quick->errors())
                std::fprintf(stderr, "qtlocation_bench: %s\n", qPrintable(error.toString()));
            return 2;
        }
        quick->show();
        QObject *map = quick->rootObject();
        const int cellPixels = index ? index->cellPixels() : 0;
        subject.setView = [&, map, cellPixels](double lat, double lon, double zoom) {
            if (index) {
                const int level = std::min(int(std::floor(zoom)), index->maxZoom());
                model->setClusters(index->clusters(viewBox(lat, lon, zoom, cellPixels), level),
                                   level);
            }
            map->setProperty("zoomLevel", zoom);
            map->setProperty("center", QVariant::fromValue(QGeoCoordinate(lat, lon)));
        };
        subject.render = [&] { image = quick->grabFramebuffer(); };
    }
    subject.setView(StartLatitude, StartLongitude, 9.0);
    subject.render();
    if (image.isNull()) {
        std::fprintf(stderr, "qtlocation_bench: the Qt Quick scene rendered nothing (backend?)\n");
        return 2;
    }
    report.figure(name("first_frame").constData(), elapsedMs(firstFrame), "ms", 400);
    if (!snapshotDir.isEmpty()) {
        // What was measured, to look at: the first frame, and one at zoom 14.
        image.save(QStringLiteral("%1/%2-zoom9.png").arg(snapshotDir, mode));
        subject.setView(StartLatitude, StartLongitude, 14.0);
        subject.render();
        image.save(QStringLiteral("%1/%2-zoom14.png").arg(snapshotDir, mode));
    }
    report.figure(name("memory").constData(), residentMegabytes(), "MB", 250);

    const bool items = mode == QLatin1String("items");
    const QList<int> zooms =
        items ? QList<int>{9, 12, 15, 18} : QList<int>{9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
    double worstP95 = 0;
    double worstMax = 0;
    QStringList perZoom;
    QElapsedTimer total;
    total.start();
    for (int zoom : zooms) {
        const Frames f = items ? framesAt(subject, zoom, 10, 3) : framesAt(subject, zoom, 40, 10);
        perZoom << QStringLiteral("%1: %2/%3")
                       .arg(zoom)
                       .arg(f.p95(), 0, 'f', 1)
                       .arg(f.max(), 0, 'f', 1);
        worstP95 = std::max(worstP95, f.p95());
        worstMax = std::max(worstMax, f.max());
        if (items && total.elapsed() > 180'000) {
            perZoom << QStringLiteral("(stopped after 180 s)");
            break;
        }
    }
    report.note(QStringLiteral("%1, %2 complaints, ms per frame p95/max by zoom: %3")
                    .arg(mode)
                    .arg(points.size())
                    .arg(perZoom.join(QStringLiteral(", "))));
    report.figure(name("frame_p95").constData(), worstP95, "ms", 8);
    report.figure(name("frame_max").constData(), worstMax, "ms", 8);
    return report.exitCode();
}

} // namespace

int main(int argc, char *argv[])
{
    // Before the application: the platform and the scene graph's backend.
    QString backend = QStringLiteral("software");
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--backend") == 0)
            backend = QString::fromLocal8Bit(argv[i + 1]);
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && backend == QLatin1String("software"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QQuickWindow::setGraphicsApi(backend == QLatin1String("opengl")
                                     ? QSGRendererInterface::OpenGL
                                     : QSGRendererInterface::Software);
    QApplication app(argc, argv);

    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("count"), QStringLiteral("complaints (100000)"));
    const QCommandLineOption modeOption(QStringLiteral("mode"), QStringLiteral("one mode"),
                                        QStringLiteral("ours|clustered|items"));
    const QCommandLineOption cacheOption(QStringLiteral("cache"), QStringLiteral("the cache"),
                                         QStringLiteral("FILE"));
    const QCommandLineOption backendOption(QStringLiteral("backend"),
                                           QStringLiteral("software|opengl"),
                                           QStringLiteral("NAME"), QStringLiteral("software"));
    const QCommandLineOption snapshotOption(QStringLiteral("snapshot"),
                                            QStringLiteral("save frames as PNG into DIR"),
                                            QStringLiteral("DIR"));
    parser.addOptions({modeOption, cacheOption, backendOption, snapshotOption});
    parser.process(app);

    if (parser.isSet(modeOption))
        return runMode(parser.value(modeOption), parser.value(cacheOption),
                       parser.value(snapshotOption));

    const int count = parser.positionalArguments().value(0, QStringLiteral("100000")).toInt();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    bench::fillDemoCache(path, count);
    std::printf("# qtlocation: Qt %s, scene graph backend %s, %d demo complaints, %dx%d\n",
                qVersion(), qPrintable(backend), count, ViewSize.width(), ViewSize.height());
    std::fflush(stdout);
    int status = 0;
    for (const QString &mode :
         {QStringLiteral("ours"), QStringLiteral("clustered"), QStringLiteral("items")}) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        QStringList arguments{QStringLiteral("--mode"),    mode,   QStringLiteral("--cache"), path,
                              QStringLiteral("--backend"), backend};
        if (parser.isSet(snapshotOption))
            arguments << QStringLiteral("--snapshot") << parser.value(snapshotOption);
        child.start(QCoreApplication::applicationFilePath(), arguments);
        if (!child.waitForFinished(20 * 60 * 1000)) {
            std::fprintf(stderr, "qtlocation_bench: mode %s did not finish\n", qPrintable(mode));
            child.kill();
            child.waitForFinished();
            status = 1;
            continue;
        }
        if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
            status =
                std::max(status, child.exitStatus() == QProcess::NormalExit ? child.exitCode() : 2);
    }
    return status;
}
