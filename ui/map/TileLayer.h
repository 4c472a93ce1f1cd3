#pragma once

#include "MapView.h"
#include "TileSource.h"

#include <QCache>
#include <QPixmap>
#include <QPointer>
#include <QSet>

#include <optional>

class QPainter;

namespace rd {

// The map's ground: raster tiles from a TileSource, a parent tile scaled up
// while a tile loads, and with no tiles (nor outlines of the city) a
// graticule. Decoded tiles
// are kept (256 of them); a tile that does not decode is shown as missing
// and not tried again while this source is in use.
class TileLayer final
{
public:
    void setSource(TileSource *tiles);
    TileSource *source() const { return m_tiles; }

    // Paints the tiles of view and tells the source which ones owner wants;
    // false when not one was there to paint.
    bool paint(QPainter &painter, const MapView &view, const QObject *owner);
    // Lines every 0.01° to 10°, whichever gives 60–200 px between them.
    static void paintGraticule(QPainter &painter, const MapView &view, const QColor &colour);

private:
    std::optional<QPixmap> pixmap(const TileId &tile);
    bool paintAncestor(QPainter &painter, const TileId &tile, const QRectF &target);

    QPointer<TileSource> m_tiles;
    QCache<TileId, QPixmap> m_pixmaps{256};
    QSet<TileId> m_badTiles;
};

} // namespace rd
