#pragma once

#include "Geography.h"
#include "MapColours.h"
#include "MapView.h"

#include <QCache>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QPixmap>
#include <QPolygonF>
#include <QRectF>

#include <array>
#include <vector>

class QPainter;

namespace rd {

// What the map draws of the city when it has no tiles: the server's
// district outlines (tinted, with their names while a district is large on
// the screen) and its street lines (from zoom 11, wider as the map comes
// closer, named along the line from zoom 14.5). Cheap at any zoom: each
// shape is projected and simplified once per detail level (zooms 10, 13,
// 16, 18: within a quarter of a pixel there), and each shape is cut to
// what is drawn (a district thousands of pixels wide costs what its part
// in view costs). A few thousand points in view are drawn as they are;
// more (an agency's whole street network) are drawn into 256-px tiles of
// their own, kept and then only copied while the map pans and zooms, as
// raster tiles are. Names are drawn each frame from pictures made once.
class GeographyLayer final
{
public:
    static constexpr double StreetsFrom = 11.0;
    static constexpr double StreetNamesFrom = 14.5;
    static constexpr double DistrictNamesUpTo = 15.0;

    void setGeography(const Geography &geography);
    bool isEmpty() const { return m_districts.empty() && m_streets.empty(); }
    int districtCount() const { return int(m_districts.size()); }
    int streetCount() const { return int(m_streets.size()); }

    // False when some tiles are still to be drawn: paint again soon (a
    // frame draws a few new tiles at most, so none takes long).
    bool paint(QPainter &painter, const MapView &view, const MapColours &colours, const QFont &font,
               qreal pixelRatio);

private:
    // One ring or line at one detail level, in world pixels at its zoom.
    struct Piece
    {
        QPolygonF points;
        QRectF bounds;
        int owner = 0; // the district's or street's index
    };
    struct Level
    {
        int zoom = 0;
        std::vector<Piece> rings;
        std::vector<Piece> lines;
    };
    struct District
    {
        QString name;
        QPointF labelAt; // latitude, longitude: inside the outline
        QRectF bounds;   // world pixels at zoom 0
    };
    // Where the level's world pixels go on the screen (or in a tile):
    // p * scale + offset.
    struct Placement
    {
        const Level *level = nullptr;
        double scale = 1;
        QPointF offset;
        QRectF visible; // what is drawn, in the level's world pixels, with a margin
        QRectF clip;    // the same on the screen
        QPointF toScreen(const QPointF &p) const { return p * scale + offset; }
    };
    static constexpr std::array<int, 4> LevelZooms{10, 13, 16, 18};

    Placement placement(double zoom, const QPointF &topLeft, const QSizeF &size) const;
    Placement placement(const MapView &view) const;
    // How many points of the level's shapes meet what is drawn.
    qsizetype pointsIn(const Placement &at) const;
    // Up to so many points in view the shapes are drawn as they are, crisp
    // at any zoom; beyond, from the tiles.
    static constexpr qsizetype DirectPoints = 4000;
    const QPolygonF &onScreen(const Placement &at, const QPolygonF &points);
    bool paintTiles(QPainter &painter, const MapView &view, const MapColours &colours);
    static constexpr int NewTilesPerFrame = 1;
    static constexpr int NewLabelsPerFrame = 4;
    // Null when nothing of the city is in it.
    QImage renderTile(int z, int x, int y, const MapColours &colours);
    void paintDistricts(QPainter &painter, const Placement &at, const MapColours &colours);
    void paintStreets(QPainter &painter, const Placement &at, const MapColours &colours,
                      double zoom);
    void paintDistrictNames(QPainter &painter, const MapView &view, const MapColours &colours,
                            const QFont &font);
    void paintStreetNames(QPainter &painter, const Placement &at, const MapView &view,
                          const MapColours &colours, const QFont &font);
    bool placeLabel(const QRectF &box);
    // Null when the frame has made its share of new ones.
    const QPixmap *label(const QString &text, bool district, const MapColours &colours,
                         const QFont &font);

    std::vector<District> m_districts;
    std::vector<QString> m_streets;
    std::vector<Level> m_levels;
    QHash<QString, QPixmap> m_labels;           // drawn names, by kind and text
    QCache<quint64, QImage> m_tiles{32 * 1024}; // outlines and streets, by zoom, x, y; cost in KiB
    bool m_labelsDark = false;
    qreal m_labelRatio = 0;
    QList<QRectF> m_placed; // the frame's labels so far: none is drawn over another
    int m_newLabels = 0;    // that the frame may still make
    bool m_labelsPending = false;
    QPolygonF m_buffer; // a piece on the screen, reused
};

} // namespace rd
