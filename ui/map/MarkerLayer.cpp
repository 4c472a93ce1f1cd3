#include "MarkerLayer.h"

#include <QFontMetrics>
#include <QPainter>

#include <cmath>

namespace rd {

namespace {

constexpr double SingleMarkersInHeatFrom = 16.0; // the heat layer shows complaints from here in

// Whole pixels: a plain copy, no resampling.
void drawCentred(QPainter &painter, const QPointF &at, const QPixmap &sprite)
{
    const QSizeF size = sprite.deviceIndependentSize();
    painter.drawPixmap(QPoint(int(std::lround(at.x() - size.width() / 2)),
                              int(std::lround(at.y() - size.height() / 2))),
                       sprite);
}

void ring(QPainter &painter, const QPointF &at, double r, bool dark)
{
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(dark ? Qt::white : Qt::black, 2)); // seen on the map's land
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(at, r + 4, r + 4);
}

} // namespace

const QColor MarkerLayer::OverdueRing(0xd5, 0x00, 0x00);
const QColor MarkerLayer::DraftBadge(0x6a, 0x1b, 0x9a);

QColor MarkerLayer::stateColor(ComplaintState state)
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

void MarkerLayer::setPoints(const QList<ClusterIndex::Point> &points)
{
    m_points = points;
    m_index.build(points);
    select(m_selected); // its new state if it is there; else where it was last seen
}

void MarkerLayer::clearSelection()
{
    m_selected = 0;
    m_selectedPoint.reset();
}

bool MarkerLayer::select(qint64 id)
{
    for (const auto &p : std::as_const(m_points)) {
        if (p.complaint.id == id) {
            m_selected = id;
            m_selectedPoint = p;
            return true;
        }
    }
    return false;
}

int MarkerLayer::clusterZoom(double zoom) const
{
    return std::clamp(int(std::floor(zoom)), 0, m_index.maxZoom());
}

bool MarkerLayer::shown(const ClusterIndex::Cluster &cluster, double zoom) const
{
    return !m_heatShown || (cluster.single() && zoom >= SingleMarkersInHeatFrom);
}

double MarkerLayer::radiusOf(const ClusterIndex::Cluster &c) const
{
    // Whole pixels, so that a few marker pictures serve every size.
    if (c.single())
        return 5.0 + std::round(std::min(5.0, std::log2(1.0 + double(c.votes)) / 1.5));
    return 10.0 + std::round(std::min(14.0, std::log2(double(c.count)) * 2.0));
}

QPointF MarkerLayer::markerAt(const MapView &view, const ClusterIndex::Cluster &c) const
{
    const QPointF at = view.toScreen(c.latitude, c.longitude);
    if (c.single())
        return at; // a complaint is drawn where it is
    // A cluster at its centroid, kept inside its own cell so that
    // neighbouring clusters never cover each other.
    const double r = radiusOf(c);
    const double scale = std::exp2(view.zoom - clusterZoom(view.zoom));
    const QRectF cell = m_index.cellRect(c.cellKey);
    const QPointF offset =
        view.centreOnScreen() - WebMercator::project(view.latitude, view.longitude, view.zoom);
    QRectF screenCell(cell.topLeft() * scale + offset, cell.size() * scale);
    const double inset = std::min(r, screenCell.width() / 2);
    screenCell.adjust(inset, inset, -inset, -inset);
    return {std::clamp(at.x(), screenCell.left(), screenCell.right()),
            std::clamp(at.y(), screenCell.top(), screenCell.bottom())};
}

const QPixmap &MarkerLayer::markerSprite(const ClusterIndex::Cluster &c, double r, qreal ratio)
{
    // The key holds everything that changes the picture; the overdue arc
    // is drawn in sixteenths so that few pictures serve all.
    if (ratio != m_spriteRatio || m_sprites.size() > 2000 || m_labelSprites.size() > 4000) {
        m_sprites.clear();
        m_labelSprites.clear();
        m_spriteRatio = ratio;
    }
    const int overdueShare =
        c.single() ? (c.overdue ? 1 : 0)
                   : (c.overdue ? std::max(1, int(std::lround(16.0 * c.overdue / c.count))) : 0);
    const quint64 key = (quint64(std::lround(r * 2) & 0xff) << 24) |
                        (quint64(overdueShare & 0x1f) << 18) | (quint64(c.drafts > 0) << 17) |
                        (quint64(c.single()) << 16) |
                        (c.single() ? quint64(int(c.state) & 0xff) : 0);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;

    const int side = int(std::ceil(2 * r + 10));
    QPixmap sprite(QSize(side, side) * ratio);
    sprite.setDevicePixelRatio(ratio);
    sprite.fill(Qt::transparent);
    QPainter painter(&sprite);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPointF at(side / 2.0, side / 2.0);
    if (c.single()) {
        painter.setPen(QPen(c.overdue ? OverdueRing : Qt::white, c.overdue ? 2.5 : 1.5));
        painter.setBrush(stateColor(c.state));
        painter.drawEllipse(at, r, r);
    } else {
        painter.setPen(QPen(Qt::white, 2));
        painter.setBrush(QColor(0x1f, 0x4e, 0x79));
        painter.drawEllipse(at, r, r);
        if (overdueShare > 0) { // a red arc: the overdue share
            painter.setPen(QPen(OverdueRing, 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawArc(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), 90 * 16,
                            -360 * overdueShare);
        }
    }
    if (c.drafts > 0) { // the user's own unsent work: a badge, top right
        painter.setPen(QPen(Qt::white, 1.2));
        painter.setBrush(DraftBadge);
        const QPointF badge = at + QPointF(r * 0.75, -r * 0.75);
        painter.drawRect(QRectF(badge - QPointF(3.5, 3.5), QSizeF(7, 7)));
    }
    painter.end();
    return *m_sprites.insert(key, sprite);
}

const QPixmap &MarkerLayer::labelSprite(int count, const QFont &font)
{
    auto it = m_labelSprites.find(count);
    if (it != m_labelSprites.end())
        return *it;
    QFont countFont = font;
    countFont.setBold(true);
    countFont.setPixelSize(11);
    const QString text =
        count >= 10000 ? QStringLiteral("%1k").arg(count / 1000) : QString::number(count);
    const QFontMetrics metrics(countFont);
    const QSize size(metrics.horizontalAdvance(text) + 2, metrics.height());
    QPixmap sprite(size * m_spriteRatio);
    sprite.setDevicePixelRatio(m_spriteRatio);
    sprite.fill(Qt::transparent);
    QPainter painter(&sprite);
    painter.setFont(countFont);
    painter.setPen(Qt::white);
    painter.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter, text);
    painter.end();
    return *m_labelSprites.insert(count, sprite);
}

void MarkerLayer::paint(QPainter &painter, const MapView &view, const QFont &font, qreal pixelRatio)
{
    bool selectedShown = false;
    const QList<ClusterIndex::Cluster> clusters =
        m_index.clusters(view.box(), clusterZoom(view.zoom));
    for (const auto &c : clusters) {
        if (!shown(c, view.zoom))
            continue;
        const QPointF at = markerAt(view, c);
        const double r = radiusOf(c);
        drawCentred(painter, at, markerSprite(c, r, pixelRatio));
        if (!c.single()) {
            drawCentred(painter, at, labelSprite(c.count, font));
        } else if (c.id == m_selected) {
            ring(painter, at, r, m_dark);
            selectedShown = true;
        }
    }
    if (!selectedShown)
        paintSelected(painter, view, pixelRatio);
}

void MarkerLayer::paintSelected(QPainter &painter, const MapView &view, qreal ratio)
{
    // The complaint open in the desk stays in sight inside a cluster or
    // over the heat layer: drawn on its own, on top.
    if (!m_selectedPoint || m_selectedPoint->complaint.id != m_selected)
        return;
    ClusterIndex::Cluster own;
    own.count = 1;
    own.id = m_selected;
    own.state = m_selectedPoint->complaint.state;
    own.votes = m_selectedPoint->complaint.votes;
    own.overdue = m_selectedPoint->overdue ? 1 : 0;
    own.drafts = m_selectedPoint->complaint.hasDraft ? 1 : 0;
    const QPointF at =
        view.toScreen(m_selectedPoint->complaint.latitude, m_selectedPoint->complaint.longitude);
    const double r = radiusOf(own);
    drawCentred(painter, at, markerSprite(own, r, ratio));
    ring(painter, at, r, m_dark);
}

std::optional<ClusterIndex::Cluster> MarkerLayer::clusterAt(const MapView &view,
                                                            const QPointF &screen) const
{
    std::optional<ClusterIndex::Cluster> best;
    double bestDistance = 1e9;
    for (const auto &c : m_index.clusters(view.box(), clusterZoom(view.zoom))) {
        if (!shown(c, view.zoom))
            continue;
        const double d = QLineF(markerAt(view, c), screen).length();
        if (d <= radiusOf(c) + 2 && d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace rd
