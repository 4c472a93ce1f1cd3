#include "MapWidget.h"

#include "QueueModel.h"
#include "TileSource.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
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
    , m_tiles(tiles)
{
    setObjectName(QStringLiteral("complaintMap"));
    setAccessibleName(tr("Complaint map"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(240, 180);
    if (m_tiles) {
        connect(m_tiles, &TileSource::tileArrived, this, [this] { update(); });
        connect(m_tiles, &TileSource::problemChanged, this, [this] { update(); });
    }
}

QColor MapWidget::stateColor(ComplaintState state)
{
    switch (state) {
    case ComplaintState::Moderation:
        return {0x8e, 0x8e, 0x93};
    case ComplaintState::Published:
        return {0x00, 0x6f, 0xd6};
    case ComplaintState::InProgress:
        return {0xe6, 0x8a, 0x00};
    case ComplaintState::Contested:
        return {0xc2, 0x18, 0x5b};
    case ComplaintState::Solved:
    case ComplaintState::Confirmed:
        return {0x2e, 0x7d, 0x32};
    case ComplaintState::Refused:
    case ComplaintState::Rejected:
    case ComplaintState::Duplicate:
        return {0x5d, 0x40, 0x37};
    }
    return Qt::gray;
}

void MapWidget::setPoints(const QList<ClusterIndex::Point> &points)
{
    m_points = points;
    m_index.build(points);
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
    if (m_points.isEmpty())
        return;
    GeoBox box{90, 180, -90, -180};
    for (const auto &p : std::as_const(m_points)) {
        box.south = std::min(box.south, p.complaint.latitude);
        box.north = std::max(box.north, p.complaint.latitude);
        box.west = std::min(box.west, p.complaint.longitude);
        box.east = std::max(box.east, p.complaint.longitude);
    }
    double zoom = MaxZoom;
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
    for (const auto &p : std::as_const(m_points)) {
        if (p.complaint.id == id) {
            m_selected = id;
            setView(p.complaint.latitude, p.complaint.longitude, std::max(m_zoom, 15.0));
            return;
        }
    }
}

QPointF MapWidget::toWorld(const QPointF &screen) const
{
    return WebMercator::project(m_latitude, m_longitude, m_zoom) + screen -
           QPointF(width() / 2.0, height() / 2.0);
}

QPointF MapWidget::toScreen(double latitude, double longitude) const
{
    return WebMercator::project(latitude, longitude, m_zoom) -
           WebMercator::project(m_latitude, m_longitude, m_zoom) +
           QPointF(width() / 2.0, height() / 2.0);
}

GeoBox MapWidget::viewBox() const
{
    const QPointF nw = WebMercator::unproject(toWorld({0, 0}), m_zoom);
    const QPointF se = WebMercator::unproject(toWorld(QPointF(width(), height())), m_zoom);
    return {std::max(-90.0, se.x()), std::max(-180.0, nw.y()), std::min(90.0, nw.x()),
            std::min(180.0, se.y())};
}

int MapWidget::clusterZoom() const
{
    return std::clamp(int(std::floor(m_zoom)), 0, m_index.maxZoom());
}

QPointF MapWidget::markerAt(const ClusterIndex::Cluster &c) const
{
    const QPointF at = toScreen(c.latitude, c.longitude);
    if (c.single())
        return at; // a complaint is drawn where it is
    // A cluster at its centroid, kept inside its own cell so that
    // neighbouring clusters never cover each other.
    const double r = radiusOf(c);
    const double scale = std::exp2(m_zoom - clusterZoom());
    const QRectF cell = m_index.cellRect(c.cellKey);
    const QPointF offset =
        toScreen(m_latitude, m_longitude) - WebMercator::project(m_latitude, m_longitude, m_zoom);
    QRectF screenCell(cell.topLeft() * scale + offset, cell.size() * scale);
    const double inset = std::min(r, screenCell.width() / 2);
    screenCell.adjust(inset, inset, -inset, -inset);
    return {std::clamp(at.x(), screenCell.left(), screenCell.right()),
            std::clamp(at.y(), screenCell.top(), screenCell.bottom())};
}

double MapWidget::radiusOf(const ClusterIndex::Cluster &c) const
{
    if (c.single())
        return 5.0 + std::min(5.0, std::log2(1.0 + c.votes) / 1.5);
    return 10.0 + std::min(14.0, std::log2(double(c.count)) * 2.0);
}

void MapWidget::zoomAround(const QPointF &screen, double newZoom)
{
    newZoom = std::clamp(newZoom, MinZoom, MaxZoom);
    // Keep the place under the pointer where it is.
    const QPointF place = WebMercator::unproject(toWorld(screen), m_zoom);
    const QPointF placeWorld = WebMercator::project(place.x(), place.y(), newZoom);
    const QPointF centreWorld = placeWorld - (screen - QPointF(width() / 2.0, height() / 2.0));
    const QPointF centre = WebMercator::unproject(centreWorld, newZoom);
    setView(centre.x(), centre.y(), newZoom);
}

void MapWidget::panBy(const QPointF &pixels)
{
    const QPointF centre = WebMercator::unproject(
        WebMercator::project(m_latitude, m_longitude, m_zoom) + pixels, m_zoom);
    setView(centre.x(), centre.y(), m_zoom);
}

std::optional<QPixmap> MapWidget::tilePixmap(const TileId &tile)
{
    if (QPixmap *cached = m_pixmaps.object(tile))
        return *cached;
    if (!m_tiles || m_badTiles.contains(tile))
        return std::nullopt;
    const auto bytes = m_tiles->tile(tile);
    if (!bytes)
        return std::nullopt;
    QPixmap pixmap;
    if (!pixmap.loadFromData(*bytes)) {
        m_badTiles.insert(tile); // corrupt image: shown as missing, never retried this session
        return std::nullopt;
    }
    m_pixmaps.insert(tile, new QPixmap(pixmap));
    return pixmap;
}

bool MapWidget::paintTiles(QPainter &painter)
{
    if (!m_tiles)
        return false;
    const int tz = std::clamp(int(std::round(m_zoom)), m_tiles->minZoom(), m_tiles->maxZoom());
    const double scale = std::exp2(m_zoom - tz);
    const double size = WebMercator::TileSize * scale;
    const QPointF origin = toWorld({0, 0}) / scale; // world pixels at tz
    const int first = int(std::floor(origin.x() / WebMercator::TileSize));
    const int top = int(std::floor(origin.y() / WebMercator::TileSize));
    const int columns = int(std::ceil(width() / size)) + 1;
    const int rows = int(std::ceil(height() / size)) + 1;
    const int side = 1 << tz;
    QSet<TileId> wanted;
    for (int r = 0; r <= rows; ++r) {
        for (int c = 0; c <= columns; ++c) {
            const TileId t{tz, first + c, top + r};
            if (t.x >= 0 && t.y >= 0 && t.x < side && t.y < side)
                wanted.insert(t);
        }
    }
    m_tiles->setWanted(wanted);
    bool any = false;
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    for (const TileId &t : std::as_const(wanted)) {
        const QRectF target((t.x * WebMercator::TileSize - origin.x()) * scale,
                            (t.y * WebMercator::TileSize - origin.y()) * scale, size, size);
        if (const auto pixmap = tilePixmap(t)) {
            painter.drawPixmap(target, *pixmap, pixmap->rect());
            any = true;
            continue;
        }
        // While it loads: the nearest cached ancestor, scaled up.
        TileId parent = t;
        for (int up = 1; up <= 4 && parent.z > 0; ++up) {
            parent = parent.parent();
            if (const auto pixmap = tilePixmap(parent)) {
                const double part = double(pixmap->width()) / (1 << up);
                const QRectF source((t.x - (parent.x << up)) * part,
                                    (t.y - (parent.y << up)) * part, part, part);
                painter.drawPixmap(target, *pixmap, source);
                any = true;
                break;
            }
        }
    }
    return any;
}

void MapWidget::paintGraticule(QPainter &painter)
{
    // Lines every 0.01° to 10°, whichever gives 60–200 px between them.
    double step = 10.0;
    for (const double s : {10.0, 5.0, 1.0, 0.5, 0.1, 0.05, 0.01, 0.005, 0.001}) {
        step = s;
        const double px =
            WebMercator::project(0, s, m_zoom).x() - WebMercator::project(0, 0, m_zoom).x();
        if (px < 200)
            break;
    }
    const GeoBox box = viewBox();
    painter.setPen(QPen(QColor(0xc8, 0xd0, 0xd8), 1));
    for (double lon = std::floor(box.west / step) * step; lon <= box.east; lon += step) {
        const double x = toScreen(m_latitude, lon).x();
        painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    }
    for (double lat = std::floor(box.south / step) * step; lat <= box.north; lat += step) {
        const double y = toScreen(lat, m_longitude).y();
        painter.drawLine(QPointF(0, y), QPointF(width(), y));
    }
}

void MapWidget::paintMarkers(QPainter &painter)
{
    painter.setRenderHint(QPainter::Antialiasing, true);
    QFont countFont = font();
    countFont.setBold(true);
    countFont.setPixelSize(11);
    painter.setFont(countFont);
    const QList<ClusterIndex::Cluster> clusters = m_index.clusters(viewBox(), clusterZoom());
    for (const auto &c : clusters) {
        const QPointF at = markerAt(c);
        const double r = radiusOf(c);
        if (c.single()) {
            painter.setPen(
                QPen(c.overdue ? QColor(0xd5, 0x00, 0x00) : Qt::white, c.overdue ? 2.5 : 1.5));
            painter.setBrush(stateColor(c.state));
            painter.drawEllipse(at, r, r);
            if (c.id == m_selected) {
                painter.setPen(QPen(Qt::black, 2));
                painter.setBrush(Qt::NoBrush);
                painter.drawEllipse(at, r + 4, r + 4);
            }
            continue;
        }
        painter.setPen(QPen(Qt::white, 2));
        painter.setBrush(QColor(0x1f, 0x4e, 0x79));
        painter.drawEllipse(at, r, r);
        if (c.overdue > 0) { // a red arc: the overdue share
            painter.setPen(QPen(QColor(0xd5, 0x00, 0x00), 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawArc(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), 90 * 16,
                            -int(360.0 * 16 * c.overdue / c.count));
        }
        painter.setPen(Qt::white);
        painter.drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::AlignCenter,
                         c.count >= 10000 ? QStringLiteral("%1k").arg(c.count / 1000)
                                          : QString::number(c.count));
    }
}

void MapWidget::paintOverlay(QPainter &painter, bool haveTiles)
{
    painter.setRenderHint(QPainter::Antialiasing, false);
    QFont small = font();
    small.setPixelSize(11);
    painter.setFont(small);
    const QFontMetrics metrics(small);
    const QColor panel(255, 255, 255, 225);

    // Attribution, bottom right, always (when the source has one).
    const QString attribution = m_tiles ? m_tiles->attribution() : QString();
    if (!attribution.isEmpty()) {
        const QRect box = metrics.boundingRect(attribution).adjusted(-4, -2, 4, 2);
        const QRect at(width() - box.width(), height() - box.height(), box.width(), box.height());
        painter.fillRect(at, panel);
        painter.setPen(Qt::black);
        painter.drawText(at, Qt::AlignCenter, attribution);
    }

    // Scale bar, bottom left: a round length of about 100 px.
    const double metres = WebMercator::metresPerPixel(m_latitude, m_zoom) * 100;
    const double magnitude = std::pow(10.0, std::floor(std::log10(metres)));
    double length = magnitude;
    for (const double f : {5.0, 2.0, 1.0}) {
        if (f * magnitude <= metres) {
            length = f * magnitude;
            break;
        }
    }
    const int px = int(length / WebMercator::metresPerPixel(m_latitude, m_zoom));
    const QString label = length >= 1000 ? tr("%1 km").arg(length / 1000) : tr("%1 m").arg(length);
    const QRect scaleBox(8, height() - 34, std::max(px, metrics.horizontalAdvance(label)) + 8, 26);
    painter.fillRect(scaleBox, panel);
    painter.setPen(QPen(Qt::black, 2));
    const int y = scaleBox.bottom() - 5;
    painter.drawLine(12, y, 12 + px, y);
    painter.drawLine(12, y - 4, 12, y);
    painter.drawLine(12 + px, y - 4, 12 + px, y);
    painter.drawText(QRect(12, scaleBox.top() + 1, scaleBox.width(), 14), Qt::AlignLeft, label);

    // Legend, top right.
    const QList<QPair<QString, ComplaintState>> legend{
        {QueueModel::stateName(ComplaintState::Moderation), ComplaintState::Moderation},
        {QueueModel::stateName(ComplaintState::Published), ComplaintState::Published},
        {QueueModel::stateName(ComplaintState::InProgress), ComplaintState::InProgress},
        {QueueModel::stateName(ComplaintState::Contested), ComplaintState::Contested},
        {QueueModel::stateName(ComplaintState::Solved), ComplaintState::Solved},
        {tr("Closed without a fix"), ComplaintState::Refused}};
    int legendWidth = metrics.horizontalAdvance(tr("Overdue"));
    for (const auto &[name, state] : legend)
        legendWidth = std::max(legendWidth, metrics.horizontalAdvance(name));
    const int line = metrics.height() + 3;
    const QRect legendBox(width() - legendWidth - 34, 8, legendWidth + 26,
                          line * int(legend.size() + 1) + 8);
    painter.fillRect(legendBox, panel);
    painter.setRenderHint(QPainter::Antialiasing, true);
    int row = legendBox.top() + 4;
    for (const auto &[name, state] : legend) {
        painter.setPen(QPen(Qt::white, 1));
        painter.setBrush(stateColor(state));
        painter.drawEllipse(QPointF(legendBox.left() + 11, row + line / 2.0), 5, 5);
        painter.setPen(Qt::black);
        painter.drawText(QRect(legendBox.left() + 22, row, legendWidth + 4, line), Qt::AlignVCenter,
                         name);
        row += line;
    }
    painter.setPen(QPen(QColor(0xd5, 0x00, 0x00), 2.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(QPointF(legendBox.left() + 11, row + line / 2.0), 5, 5);
    painter.setPen(Qt::black);
    painter.drawText(QRect(legendBox.left() + 22, row, legendWidth + 4, line), Qt::AlignVCenter,
                     tr("Overdue"));

    // No tiles: say so in one line (the map works all the same).
    if (!haveTiles) {
        const QString notice =
            m_tiles && !m_tiles->problem().isEmpty()
                ? m_tiles->problem()
                : (m_tiles ? tr("Map tiles are loading, or none are available offline for this "
                                "area; the complaints are shown all the same.")
                           : tr("No map tiles configured; the complaints are shown on a grid."));
        const QString shown = metrics.elidedText(notice, Qt::ElideRight, width() - 24);
        const QRect box(8, 8, metrics.horizontalAdvance(shown) + 12, metrics.height() + 8);
        painter.fillRect(box, panel);
        painter.setPen(Qt::black);
        painter.drawText(box, Qt::AlignCenter, shown);
    }
}

void MapWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0xee, 0xf0, 0xf2));
    const bool haveTiles = paintTiles(painter);
    if (!haveTiles)
        paintGraticule(painter);
    paintMarkers(painter);
    paintOverlay(painter, haveTiles);
    if (hasFocus()) {
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(palette().highlight(), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect().adjusted(1, 1, -1, -1));
    }
}

std::optional<ClusterIndex::Cluster> MapWidget::clusterAt(const QPointF &screen) const
{
    std::optional<ClusterIndex::Cluster> best;
    double bestDistance = 1e9;
    for (const auto &c : m_index.clusters(viewBox(), clusterZoom())) {
        const double d = QLineF(markerAt(c), screen).length();
        if (d <= radiusOf(c) + 2 && d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

void MapWidget::wheelEvent(QWheelEvent *event)
{
    zoomAround(event->position(), m_zoom + event->angleDelta().y() / 240.0);
    event->accept();
}

void MapWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragFrom = event->position();
        m_dragging = false;
    }
}

void MapWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        const QPointF delta = event->position() - m_dragFrom;
        if (m_dragging || delta.manhattanLength() > 4) {
            m_dragging = true;
            panBy(-delta);
            m_dragFrom = event->position();
            setCursor(Qt::ClosedHandCursor);
        }
    }
}

void MapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    unsetCursor();
    if (event->button() != Qt::LeftButton || m_dragging) {
        m_dragging = false;
        return;
    }
    const auto cluster = clusterAt(event->position());
    if (!cluster)
        return;
    if (cluster->single()) {
        m_selected = cluster->id;
        update();
        Q_EMIT complaintActivated(cluster->id);
        return;
    }
    const int to = m_index.expansionZoom(*cluster, clusterZoom());
    setView(cluster->latitude, cluster->longitude, std::min<double>(to, MaxZoom));
}

void MapWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
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
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool MapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto cluster = clusterAt(help->pos());
        if (!cluster) {
            QToolTip::hideText();
            event->ignore();
            return true;
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
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace rd
