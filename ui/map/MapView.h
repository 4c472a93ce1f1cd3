#pragma once

#include "GeoBox.h"
#include "WebMercator.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <algorithm>

namespace rd {

// Where the map looks, and the sums between the screen and the world that
// every layer needs: the centre (degrees), the zoom and the widget's size.
struct MapView
{
    double latitude = 0;
    double longitude = 0;
    double zoom = 0;
    QSizeF size;

    QPointF centreOnScreen() const { return {size.width() / 2.0, size.height() / 2.0}; }

    // World pixels (Web Mercator at this zoom) under a point on the screen.
    QPointF toWorld(const QPointF &screen) const
    {
        return WebMercator::project(latitude, longitude, zoom) + screen - centreOnScreen();
    }

    QPointF toScreen(double lat, double lon) const
    {
        return WebMercator::project(lat, lon, zoom) -
               WebMercator::project(latitude, longitude, zoom) + centreOnScreen();
    }

    // Latitude, longitude under a point on the screen.
    QPointF place(const QPointF &screen) const
    {
        return WebMercator::unproject(toWorld(screen), zoom);
    }

    GeoBox boxOf(const QRectF &screen) const
    {
        const QRectF r = screen.normalized();
        const QPointF nw = place(r.topLeft());
        const QPointF se = place(r.bottomRight());
        return {std::max(-90.0, se.x()), std::max(-180.0, nw.y()), std::min(90.0, nw.x()),
                std::min(180.0, se.y())};
    }

    GeoBox box() const { return boxOf(QRectF(QPointF(0, 0), size)); }
};

} // namespace rd
