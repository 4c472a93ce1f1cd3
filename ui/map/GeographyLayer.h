#pragma once

#include "Geography.h"
#include "MapColours.h"
#include "MapView.h"

#include <QFont>
#include <QHash>
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
// 16, 18: within a quarter of a pixel there), and a frame only scales the
// pieces that meet the view; names are drawn once into pictures and then
// copied.
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

    void paint(QPainter &painter, const MapView &view, const MapColours &colours, const QFont &font,
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
    // Where the level's world pixels go on the screen: p * scale + offset.
    struct Placement
    {
        const Level *level = nullptr;
        double scale = 1;
        QPointF offset;
        QRectF visible; // the view in the level's world pixels, with a margin
        QPointF toScreen(const QPointF &p) const { return p * scale + offset; }
    };
    static constexpr std::array<int, 4> LevelZooms{10, 13, 16, 18};

    Placement placement(const MapView &view) const;
    const QPolygonF &onScreen(const Placement &at, const QPolygonF &points);
    void paintDistricts(QPainter &painter, const Placement &at, const MapColours &colours);
    void paintStreets(QPainter &painter, const Placement &at, const MapColours &colours,
                      double zoom);
    void paintDistrictNames(QPainter &painter, const MapView &view, const MapColours &colours,
                            const QFont &font);
    void paintStreetNames(QPainter &painter, const Placement &at, const MapView &view,
                          const MapColours &colours, const QFont &font);
    bool placeLabel(const QRectF &box);
    const QPixmap &label(const QString &text, bool district, const MapColours &colours,
                         const QFont &font);

    std::vector<District> m_districts;
    std::vector<QString> m_streets;
    std::vector<Level> m_levels;
    QHash<QString, QPixmap> m_labels; // drawn names, by kind and text
    bool m_labelsDark = false;
    qreal m_labelRatio = 0;
    QList<QRectF> m_placed; // the frame's labels so far: none is drawn over another
    QPolygonF m_buffer;     // a piece on the screen, reused
};

} // namespace rd
