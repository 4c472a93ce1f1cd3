#include "AreaSelection.h"

#include "QueueQuery.h"

#include <QPainter>
#include <QPainterPath>

namespace rd {

namespace {

constexpr double SmallestSide = 8; // px: less is a slip of the hand, not an area

} // namespace

void AreaSelection::setArea(const std::optional<GeoBox> &box, const QList<QPointF> &polygon)
{
    m_box = box;
    m_polygon = box ? polygon : QList<QPointF>{};
}

void AreaSelection::press(const QPointF &at, Qt::KeyboardModifiers modifiers)
{
    const bool lasso = modifiers & Qt::ControlModifier;
    if (lasso)
        m_kind = Kind::Lasso;
    else if (m_drawing || (modifiers & Qt::ShiftModifier))
        m_kind = Kind::Rectangle;
    else
        m_kind = Kind::None;
    m_from = at;
    m_to = at;
    m_lasso = QPolygonF{at};
}

void AreaSelection::dragTo(const QPointF &at)
{
    m_to = at;
    if (m_kind == Kind::Lasso && QLineF(m_lasso.last(), at).length() >= 4)
        m_lasso << at;
}

std::optional<AreaSelection::Area> AreaSelection::release(const QPointF &at, const MapView &view)
{
    const Kind kind = m_kind;
    m_kind = Kind::None;
    if (kind == Kind::Lasso) {
        m_lasso << at;
        const QRectF bounds = m_lasso.boundingRect();
        if (m_lasso.size() < 3 || bounds.width() < SmallestSide || bounds.height() < SmallestSide)
            return std::nullopt;
        QList<QPointF> polygon;
        for (const QPointF &p : std::as_const(m_lasso))
            polygon << view.place(p);
        return Area{view.boxOf(bounds), polygon};
    }
    const QRectF drawn = QRectF(m_from, at).normalized();
    if (kind != Kind::Rectangle || drawn.width() < SmallestSide || drawn.height() < SmallestSide)
        return std::nullopt;
    return Area{view.boxOf(drawn), {}};
}

bool AreaSelection::contains(double latitude, double longitude) const
{
    // The rule the cache's rd_in_polygon() keeps, so the count and the
    // list agree.
    return m_box && m_box->contains(latitude, longitude) &&
           (m_polygon.isEmpty() || QueueQuery::polygonContains(m_polygon, latitude, longitude));
}

QRectF AreaSelection::onScreen(const MapView &view) const
{
    if (!m_box)
        return {};
    return QRectF(view.toScreen(m_box->north, m_box->west),
                  view.toScreen(m_box->south, m_box->east))
        .normalized();
}

void AreaSelection::paint(QPainter &painter, const MapView &view, bool dragging,
                          const MapColours &colours) const
{
    const QColor &outline = colours.areaOutline;
    painter.setRenderHint(QPainter::Antialiasing, false);
    if (m_box) {
        // Outside the area a light veil; the area itself outlined.
        QPainterPath area;
        if (m_polygon.isEmpty()) {
            area.addRect(QRectF(view.toScreen(m_box->north, m_box->west),
                                view.toScreen(m_box->south, m_box->east)));
        } else {
            QPolygonF shape;
            for (const QPointF &p : std::as_const(m_polygon))
                shape << view.toScreen(p.x(), p.y());
            area.addPolygon(shape);
            area.closeSubpath();
        }
        QPainterPath veil;
        veil.addRect(QRectF(QPointF(0, 0), view.size));
        painter.fillPath(veil.subtracted(area), colours.areaVeil);
        painter.setRenderHint(QPainter::Antialiasing, !m_polygon.isEmpty());
        painter.setPen(QPen(outline, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(area);
    }
    if (drawsThisDrag() && dragging) {
        painter.setPen(QPen(outline, 1.5, Qt::DashLine));
        painter.setBrush(QColor(outline.red(), outline.green(), outline.blue(), 30));
        if (m_kind == Kind::Lasso)
            painter.drawPolygon(m_lasso);
        else
            painter.drawRect(QRectF(m_from, m_to).normalized());
    }
}

} // namespace rd
