#include "TileLayer.h"

#include <QPainter>

#include <cmath>

namespace rd {

void TileLayer::setSource(TileSource *tiles)
{
    m_tiles = tiles;
    m_pixmaps.clear();
    m_badTiles.clear();
}

std::optional<QPixmap> TileLayer::pixmap(const TileId &tile)
{
    if (QPixmap *cached = m_pixmaps.object(tile))
        return *cached;
    if (!m_tiles || m_badTiles.contains(tile))
        return std::nullopt;
    const auto bytes = m_tiles->tile(tile);
    if (!bytes)
        return std::nullopt;
    QPixmap decoded;
    if (!decoded.loadFromData(*bytes)) {
        m_badTiles.insert(tile); // corrupt image: shown as missing, never retried this session
        return std::nullopt;
    }
    m_pixmaps.insert(tile, new QPixmap(decoded));
    return decoded;
}

bool TileLayer::paint(QPainter &painter, const MapView &view, const QObject *owner)
{
    if (!m_tiles)
        return false;
    const int tz = std::clamp(int(std::round(view.zoom)), m_tiles->minZoom(), m_tiles->maxZoom());
    const double scale = std::exp2(view.zoom - tz);
    const double size = WebMercator::TileSize * scale;
    const QPointF origin = view.toWorld({0, 0}) / scale; // world pixels at tz
    const int first = int(std::floor(origin.x() / WebMercator::TileSize));
    const int top = int(std::floor(origin.y() / WebMercator::TileSize));
    const int columns = int(std::ceil(view.size.width() / size)) + 1;
    const int rows = int(std::ceil(view.size.height() / size)) + 1;
    const int side = 1 << tz;
    QSet<TileId> wanted;
    for (int r = 0; r <= rows; ++r) {
        for (int c = 0; c <= columns; ++c) {
            const TileId t{tz, first + c, top + r};
            if (t.x >= 0 && t.y >= 0 && t.x < side && t.y < side)
                wanted.insert(t);
        }
    }
    m_tiles->setWanted(wanted, owner);
    bool any = false;
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    for (const TileId &t : std::as_const(wanted)) {
        const QRectF target((t.x * WebMercator::TileSize - origin.x()) * scale,
                            (t.y * WebMercator::TileSize - origin.y()) * scale, size, size);
        if (const auto tile = pixmap(t)) {
            painter.drawPixmap(target, *tile, tile->rect());
            any = true;
        } else if (paintAncestor(painter, t, target)) {
            any = true;
        }
    }
    return any;
}

bool TileLayer::paintAncestor(QPainter &painter, const TileId &tile, const QRectF &target)
{
    // While it loads: the nearest cached ancestor, scaled up.
    TileId parent = tile;
    for (int up = 1; up <= 4 && parent.z > 0; ++up) {
        parent = parent.parent();
        if (const auto ancestor = pixmap(parent)) {
            const double part = double(ancestor->width()) / (1 << up);
            const QRectF source((tile.x - (parent.x << up)) * part,
                                (tile.y - (parent.y << up)) * part, part, part);
            painter.drawPixmap(target, *ancestor, source);
            return true;
        }
    }
    return false;
}

void TileLayer::paintGraticule(QPainter &painter, const MapView &view, const QColor &colour)
{
    double step = 10.0;
    for (const double s : {10.0, 5.0, 1.0, 0.5, 0.1, 0.05, 0.01, 0.005, 0.001}) {
        step = s;
        const double px =
            WebMercator::project(0, s, view.zoom).x() - WebMercator::project(0, 0, view.zoom).x();
        if (px < 200)
            break;
    }
    const GeoBox box = view.box();
    painter.setPen(QPen(colour, 1));
    for (double lon = std::floor(box.west / step) * step; lon <= box.east; lon += step) {
        const double x = view.toScreen(view.latitude, lon).x();
        painter.drawLine(QPointF(x, 0), QPointF(x, view.size.height()));
    }
    for (double lat = std::floor(box.south / step) * step; lat <= box.north; lat += step) {
        const double y = view.toScreen(lat, view.longitude).y();
        painter.drawLine(QPointF(0, y), QPointF(view.size.width(), y));
    }
}

} // namespace rd
