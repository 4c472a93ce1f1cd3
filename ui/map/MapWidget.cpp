#include "MapWidget.h"

#include "GeographyStore.h"
#include "MapNotice.h"
#include "MapOverlay.h"
#include "QueueModel.h"
#include "TileSource.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMetaMethod>
#include <QPainter>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace rd {

namespace {

constexpr double MinZoom = 2.0;
constexpr double MaxZoom = 19.0;

} // namespace

MapWidget::MapWidget(TileSource *tiles, QWidget *parent)
    : QWidget(parent)
    , m_buttons(new MapButtons(this))
    , m_notice(new MapNotice(this))
{
    setObjectName(QStringLiteral("complaintMap"));
    setAccessibleName(tr("Complaint map"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(240, 180);
    connect(m_notice, &MapNotice::chooseSourceClicked, this, &MapWidget::mapSourceRequested);
    followPalette();
    setTileSource(tiles);
    connectButtons();
}

void MapWidget::followPalette()
{
    m_colours = MapColours::of(palette());
    m_markers.setDark(m_colours.dark);
    m_buttons->setDark(m_colours.dark);
    m_notice->setColours(m_colours);
    update();
}

void MapWidget::changeEvent(QEvent *event)
{
    // The desk's theme changed (ui/Theme sets the application's palette):
    // the map follows at once.
    if (event->type() == QEvent::PaletteChange)
        followPalette();
    QWidget::changeEvent(event);
}

void MapWidget::resizeEvent(QResizeEvent *event)
{
    m_notice->place(size());
    QWidget::resizeEvent(event);
}

void MapWidget::connectNotify(const QMetaMethod &signal)
{
    if (signal == QMetaMethod::fromSignal(&MapWidget::mapSourceRequested))
        QMetaObject::invokeMethod(this, &MapWidget::updateNotice, Qt::QueuedConnection);
    QWidget::connectNotify(signal);
}

void MapWidget::setGeography(const Geography &geography)
{
    m_geography.setGeography(geography);
    updateNotice();
    update();
}

void MapWidget::setGeographyProblem(const QString &problem)
{
    m_geographyProblem = problem;
    updateNotice();
}

void MapWidget::showGeographyOf(GeographyStore &store)
{
    setGeography(store.load());
    setGeographyProblem(store.problem());
}

QString MapWidget::notice() const
{
    return m_notice->text();
}

void MapWidget::updateNotice()
{
    // Only while no tile is shown; in plain words, with the way to a map.
    if (m_thumbnail || m_haveTiles) {
        m_notice->setText({});
        return;
    }
    const TileSource *tiles = m_tiles.source();
    const bool outlines = !m_geography.isEmpty();
    QString text;
    if (!tiles) {
        text = outlines ? tr("No map source is set, so the map shows only the districts and "
                             "streets the server sent. To see a detailed map, choose one: "
                             "View ▸ Map tiles…")
                        : tr("No map source is set, and the server has sent no outlines of the "
                             "city yet: the complaints are shown on a plain grid. To see a map, "
                             "choose one: View ▸ Map tiles…");
    } else if (!tiles->problem().isEmpty()) {
        text = tiles->problem();
        if (outlines)
            text += QLatin1Char(' ') +
                    tr("Meanwhile the map shows the districts and streets the server sent.");
    } else {
        text = outlines ? tr("The map has not loaded here yet (no network, or not seen here "
                             "before); meanwhile it shows the districts and streets the server "
                             "sent.")
                        : tr("The map has not loaded here yet (no network, or not seen here "
                             "before); meanwhile the complaints are shown on a plain grid.");
    }
    if (!m_geographyProblem.isEmpty())
        text += QLatin1Char('\n') + m_geographyProblem;
    m_notice->setButtonShown(
        isSignalConnected(QMetaMethod::fromSignal(&MapWidget::mapSourceRequested)));
    m_notice->setText(text);
}

void MapWidget::connectButtons()
{
    connect(m_buttons, &MapButtons::zoomInClicked, this,
            [this] { zoomAround(rect().center(), std::floor(m_zoom) + 1); });
    connect(m_buttons, &MapButtons::zoomOutClicked, this,
            [this] { zoomAround(rect().center(), std::ceil(m_zoom) - 1); });
    connect(m_buttons, &MapButtons::fitAllClicked, this, &MapWidget::fitAll);
    connect(m_buttons, &MapButtons::agencyAreaClicked, this, [this] {
        if (m_agencyArea)
            fitBox(*m_agencyArea);
    });
    connect(m_buttons, &MapButtons::heatChosen, this, [this](int heat) { setHeat(Heat(heat)); });
    connect(m_buttons, &MapButtons::drawingAreaToggled, this, &MapWidget::setDrawingArea);
    connect(m_buttons, &MapButtons::clearAreaClicked, this, &MapWidget::clearArea);
}

void MapWidget::setThumbnail(bool thumbnail)
{
    m_thumbnail = thumbnail;
    m_buttons->setVisible(!thumbnail);
    updateNotice();
    setFocusPolicy(thumbnail ? Qt::NoFocus : Qt::StrongFocus);
    setMinimumSize(thumbnail ? QSize(80, 60) : QSize(240, 180));
    setCursor(thumbnail ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
}

void MapWidget::hideEvent(QHideEvent *event)
{
    if (TileSource *tiles = m_tiles.source())
        tiles->setWanted({}, this); // nothing shown, nothing to fetch for it
    QWidget::hideEvent(event);
}

void MapWidget::setTileSource(TileSource *tiles)
{
    if (TileSource *old = m_tiles.source()) {
        old->setWanted({}, this);
        disconnect(old, nullptr, this, nullptr);
    }
    m_tiles.setSource(tiles);
    if (tiles) {
        connect(tiles, &TileSource::tileArrived, this, [this] { update(); });
        connect(tiles, &TileSource::problemChanged, this, [this] {
            updateNotice();
            update();
        });
    }
    m_haveTiles = false; // until a frame shows one
    updateNotice();
    update();
}

void MapWidget::setHeat(Heat heat)
{
    if (heat == m_heat)
        return;
    m_heat = heat;
    m_markers.setHeatShown(heat != Heat::Off);
    m_buttons->setHeat(int(heat));
    update();
}

void MapWidget::setArea(const std::optional<GeoBox> &area, const QList<QPointF> &polygon)
{
    m_area.setArea(area, polygon);
    m_buttons->setClearAreaShown(area.has_value());
    countArea();
    update();
}

void MapWidget::countArea()
{
    m_areaCount = 0;
    if (!m_area.box())
        return;
    for (const auto &p : m_markers.points())
        m_areaCount += m_area.contains(p.complaint.latitude, p.complaint.longitude) ? 1 : 0;
}

void MapWidget::clearArea()
{
    setArea(std::nullopt);
    Q_EMIT areaCleared();
}

void MapWidget::setAgencyArea(const std::optional<GeoBox> &box)
{
    m_agencyArea = box;
    m_buttons->setAgencyAreaShown(box.has_value());
}

void MapWidget::setDrawingArea(bool on)
{
    m_area.setDrawing(on);
    m_buttons->setDrawingArea(on);
    if (on)
        setCursor(Qt::CrossCursor);
    else
        unsetCursor();
}

void MapWidget::chooseArea(const GeoBox &area, const QList<QPointF> &polygon)
{
    setDrawingArea(false);
    setArea(area, polygon);
    Q_EMIT areaChosen(area);
}

void MapWidget::setPoints(const QList<ClusterIndex::Point> &points)
{
    m_markers.setPoints(points);
    countArea();
    update();
}

void MapWidget::setView(double latitude, double longitude, double zoom)
{
    m_latitude = std::clamp(latitude, -WebMercator::MaxLatitude, WebMercator::MaxLatitude);
    m_longitude = std::clamp(longitude, -180.0, 180.0);
    m_zoom = std::clamp(zoom, MinZoom, MaxZoom);
    update();
    Q_EMIT viewChanged();
}

void MapWidget::fitAll()
{
    if (m_markers.points().isEmpty())
        return;
    GeoBox box = GeoBox::nothing();
    for (const auto &p : m_markers.points())
        box.include(p.complaint.latitude, p.complaint.longitude);
    fitBox(box);
}

void MapWidget::fitBox(const GeoBox &box)
{
    double zoom = MaxZoom - 1;
    while (zoom > MinZoom) {
        const QPointF nw = WebMercator::project(box.north, box.west, zoom);
        const QPointF se = WebMercator::project(box.south, box.east, zoom);
        if (se.x() - nw.x() <= width() - 40 && se.y() - nw.y() <= height() - 40)
            break;
        zoom -= 0.25;
    }
    const QPointF centre =
        WebMercator::unproject((WebMercator::project(box.north, box.west, zoom) +
                                WebMercator::project(box.south, box.east, zoom)) /
                                   2,
                               zoom);
    setView(centre.x(), centre.y(), zoom);
}

void MapWidget::showComplaint(qint64 id)
{
    if (id == 0) {
        m_markers.clearSelection();
        update();
        return;
    }
    if (!m_markers.select(id))
        return;
    const auto &point = m_markers.selectedPoint()->complaint;
    setView(point.latitude, point.longitude, std::max(m_zoom, 15.0));
}

MapView MapWidget::view() const
{
    return {m_latitude, m_longitude, m_zoom, QSizeF(size())};
}

GeoBox MapWidget::viewBox() const
{
    return view().box();
}

void MapWidget::zoomAround(const QPointF &screen, double newZoom)
{
    newZoom = std::clamp(newZoom, MinZoom, MaxZoom);
    // Keep the place under the pointer where it is.
    const MapView now = view();
    const QPointF place = now.place(screen);
    const QPointF placeWorld = WebMercator::project(place.x(), place.y(), newZoom);
    const QPointF centre =
        WebMercator::unproject(placeWorld - (screen - now.centreOnScreen()), newZoom);
    setView(centre.x(), centre.y(), newZoom);
}

void MapWidget::panBy(const QPointF &pixels)
{
    const QPointF centre = WebMercator::unproject(
        WebMercator::project(m_latitude, m_longitude, m_zoom) + pixels, m_zoom);
    setView(centre.x(), centre.y(), m_zoom);
}

void MapWidget::paintOverlay(QPainter &painter, const MapView &view, bool haveTiles)
{
    MapOverlay overlay(painter, view, font(), m_colours);
    TileSource *tiles = m_tiles.source();
    if (haveTiles && tiles) // whose tiles are on the screen, and only then
        overlay.paintAttribution(tiles->attribution());
    if (m_thumbnail)
        return; // a thumbnail: the attribution only
    overlay.paintScaleBar();
    overlay.paintLegend(m_heat != Heat::Off, m_heat == Heat::Votes);
    if (m_area.box())
        overlay.paintAreaCount(m_area.onScreen(view), m_areaCount);
}

void MapWidget::paintEvent(QPaintEvent *)
{
    const MapView now = view();
    QPainter painter(this);
    painter.fillRect(rect(), m_colours.background);
    const bool haveTiles = m_tiles.paint(painter, now, this);
    if (!haveTiles && m_geography.isEmpty()) {
        TileLayer::paintGraticule(painter, now, m_colours.graticule);
    } else if (!haveTiles &&
               !m_geography.paint(painter, now, m_colours, font(), devicePixelRatioF())) {
        QTimer::singleShot(0, this, qOverload<>(&QWidget::update)); // more of the city to draw
    }
    // The area under the complaints: its veil and outline never hide one.
    m_area.paint(painter, now, m_dragging, m_colours);
    if (m_heat != Heat::Off)
        m_heatLayer.paint(painter, now, m_markers.index(), m_markers.clusterZoom(m_zoom),
                          m_heat == Heat::Votes);
    m_markers.paint(painter, now, font(), devicePixelRatioF());
    paintOverlay(painter, now, haveTiles);
    if (haveTiles != m_haveTiles) { // the notice comes or goes after this frame
        m_haveTiles = haveTiles;
        QMetaObject::invokeMethod(this, &MapWidget::updateNotice, Qt::QueuedConnection);
    }
    if (hasFocus()) {
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(palette().highlight(), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect().adjusted(1, 1, -1, -1));
    }
}

void MapWidget::wheelEvent(QWheelEvent *event)
{
    if (m_thumbnail) {
        event->ignore(); // the view scrolls, the picture stays
        return;
    }
    zoomAround(event->position(), m_zoom + event->angleDelta().y() / 240.0);
    event->accept();
}

void MapWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragFrom = event->position();
        m_dragging = false;
        m_area.press(event->position(), event->modifiers());
    }
}

void MapWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_thumbnail || !(event->buttons() & Qt::LeftButton))
        return;
    const QPointF delta = event->position() - m_dragFrom;
    if (!m_dragging && delta.manhattanLength() <= 4)
        return;
    m_dragging = true;
    if (m_area.drawsThisDrag()) {
        m_dragFrom = event->position();
        m_area.dragTo(m_dragFrom);
        update();
        return;
    }
    panBy(-delta);
    m_dragFrom = event->position();
    setCursor(Qt::ClosedHandCursor);
}

void MapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_thumbnail) {
        if (event->button() == Qt::LeftButton)
            Q_EMIT clicked();
        return;
    }
    if (!m_area.drawing())
        unsetCursor();
    if (event->button() == Qt::LeftButton && m_area.drawsThisDrag() && m_dragging) {
        m_dragging = false;
        if (const auto drawn = m_area.release(event->position(), view()))
            chooseArea(drawn->box, drawn->polygon);
        update();
        return;
    }
    m_area.cancelDrag();
    if (event->button() != Qt::LeftButton || m_dragging) {
        m_dragging = false;
        return;
    }
    if (const auto cluster = m_markers.clusterAt(view(), event->position()))
        activate(*cluster);
}

void MapWidget::activate(const ClusterIndex::Cluster &cluster)
{
    if (cluster.single()) {
        m_markers.select(cluster.id);
        update();
        Q_EMIT complaintActivated(cluster.id);
        return;
    }
    const int to = m_markers.index().expansionZoom(cluster, m_markers.clusterZoom(m_zoom));
    setView(cluster.latitude, cluster.longitude, std::min<double>(to, MaxZoom));
}

void MapWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_thumbnail)
        return;
    zoomAround(event->position(), std::floor(m_zoom) + 1);
}

void MapWidget::keyPressEvent(QKeyEvent *event)
{
    const double step = 120;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAround(rect().center(), std::floor(m_zoom) + 1);
        break;
    case Qt::Key_Minus:
        zoomAround(rect().center(), std::ceil(m_zoom) - 1);
        break;
    case Qt::Key_Left:
        panBy({-step, 0});
        break;
    case Qt::Key_Right:
        panBy({step, 0});
        break;
    case Qt::Key_Up:
        panBy({0, -step});
        break;
    case Qt::Key_Down:
        panBy({0, step});
        break;
    case Qt::Key_Home:
        fitAll();
        break;
    case Qt::Key_G:
        if (m_agencyArea)
            fitBox(*m_agencyArea);
        break;
    case Qt::Key_H: // markers → heat by count → heat by votes → markers
        setHeat(m_heat == Heat::Off ? Heat::Count
                                    : (m_heat == Heat::Count ? Heat::Votes : Heat::Off));
        break;
    case Qt::Key_A:
        chooseArea(viewBox());
        break;
    case Qt::Key_Escape:
        if (m_area.drawing()) {
            setDrawingArea(false);
        } else if (m_area.box()) {
            clearArea();
        } else {
            QWidget::keyPressEvent(event);
            return;
        }
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool MapWidget::showToolTip(const QHelpEvent &help)
{
    const auto cluster = m_markers.clusterAt(view(), help.pos());
    if (!cluster) {
        QToolTip::hideText();
        return false;
    }
    const QString text =
        cluster->single()
            ? tr("No. %1 · %2 · votes: %3%4")
                  .arg(cluster->id)
                  .arg(QueueModel::stateName(cluster->state))
                  .arg(cluster->votes)
                  .arg(cluster->overdue ? tr(" · overdue") : QString())
            : tr("%n complaint(s) · %1 overdue · click to zoom in", "", cluster->count)
                  .arg(cluster->overdue);
    QToolTip::showText(help.globalPos(), text, this);
    return true;
}

bool MapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && !m_thumbnail) {
        if (!showToolTip(*static_cast<QHelpEvent *>(event)))
            event->ignore();
        return true;
    }
    return QWidget::event(event);
}

} // namespace rd
