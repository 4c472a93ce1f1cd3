#pragma once

#include "GeoBox.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

namespace rd {

// A line or a ring of points, each (latitude, longitude) in degrees (WGS 84)
// — the order the rest of the desk uses (GeoBox, a lasso's polygon). On the
// wire and in files GeoJSON has them the other way round (GeoJson.h).
using GeoLine = QList<QPointF>;

// A ring is kept open: its last point joins its first.
//
// A district's outline: one or more polygons (a district in several pieces),
// each its outer ring followed by its holes; its name and, when the
// catalogue has it, its id there. Drawn filled even-odd, so holes are holes.
struct DistrictOutline
{
    using Polygon = QList<GeoLine>; // the outer ring, then the holes
    std::optional<int> districtId;
    QString name;
    QList<Polygon> polygons;
    friend bool operator==(const DistrictOutline &, const DistrictOutline &) = default;
};

// A named street as one or more polylines.
struct StreetLine
{
    QString name;
    QList<GeoLine> parts;
    friend bool operator==(const StreetLine &, const StreetLine &) = default;
};

// What the server knows of its city's geography (docs/api.md "Geography"):
// the district outlines and the street lines the desk's map draws when it
// has no map images. Empty when the server publishes none.
struct Geography
{
    QList<DistrictOutline> districts;
    QList<StreetLine> streets;

    bool isEmpty() const { return districts.isEmpty() && streets.isEmpty(); }
    // Every point's box (invalid when empty).
    GeoBox bounds() const
    {
        GeoBox box = GeoBox::nothing();
        for (const DistrictOutline &d : districts)
            for (const DistrictOutline::Polygon &polygon : d.polygons)
                for (const GeoLine &ring : polygon)
                    for (const QPointF &p : ring)
                        box.include(p.x(), p.y());
        for (const StreetLine &s : streets)
            for (const GeoLine &part : s.parts)
                for (const QPointF &p : part)
                    box.include(p.x(), p.y());
        return box;
    }
    friend bool operator==(const Geography &, const Geography &) = default;
};

} // namespace rd
