#pragma once

#include "GeoBox.h"
#include "MapColours.h"
#include "MapView.h"

#include <QList>
#include <QPointF>
#include <QPolygonF>

#include <optional>

class QPainter;

namespace rd {

// The area the queue is narrowed to, and the drawing of a new one: a
// rectangle (Shift+drag, or any drag while the area button is down) or a
// free-form lasso (Ctrl+drag). Outside the chosen area the map is veiled;
// drawn under the markers, so it never hides a complaint.
class AreaSelection final
{
public:
    struct Area
    {
        GeoBox box;
        QList<QPointF> polygon; // a lasso's vertices (latitude, longitude), or none
    };

    void setArea(const std::optional<GeoBox> &box, const QList<QPointF> &polygon);
    const std::optional<GeoBox> &box() const { return m_box; }
    const QList<QPointF> &polygon() const { return m_polygon; }

    // The area button: the next drag draws instead of panning.
    void setDrawing(bool on) { m_drawing = on; }
    bool drawing() const { return m_drawing; }

    // A press of the left button: whether the drag that may follow draws.
    void press(const QPointF &at, Qt::KeyboardModifiers modifiers);
    bool drawsThisDrag() const { return m_kind != Kind::None; }
    void dragTo(const QPointF &at);
    // The end of a drawing drag: the area drawn, or none when it is too small.
    std::optional<Area> release(const QPointF &at, const MapView &view);
    void cancelDrag() { m_kind = Kind::None; }

    // Whether a point (latitude, longitude) lies in the chosen area.
    bool contains(double latitude, double longitude) const;
    // The chosen area's bounds on the screen.
    QRectF onScreen(const MapView &view) const;

    void paint(QPainter &painter, const MapView &view, bool dragging,
               const MapColours &colours) const;

private:
    enum class Kind
    {
        None,
        Rectangle,
        Lasso
    };

    std::optional<GeoBox> m_box;
    QList<QPointF> m_polygon;
    bool m_drawing = false;
    Kind m_kind = Kind::None;
    QPointF m_from;
    QPointF m_to;
    QPolygonF m_lasso; // on screen
};

} // namespace rd
