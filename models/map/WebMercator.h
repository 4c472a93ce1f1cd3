#pragma once

#include "GeoBox.h"

#include <QHashFunctions>
#include <QPointF>
#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace rd {

// A raster tile of a Web Mercator XYZ pyramid (the OpenStreetMap scheme: x
// from the antimeridian eastwards, y from the north down). MBTiles stores
// rows the TMS way, y from the south up: tmsRow() converts (MBTiles 1.3).
struct TileId
{
    int z = 0;
    int x = 0;
    int y = 0;

    int tmsRow() const { return (1 << z) - 1 - y; }
    static TileId fromTms(int z, int x, int tmsRow) { return {z, x, (1 << z) - 1 - tmsRow}; }
    bool isValid() const
    {
        return z >= 0 && z <= 24 && x >= 0 && y >= 0 && x < (1 << z) && y < (1 << z);
    }
    TileId parent() const { return {z - 1, x >> 1, y >> 1}; }
    friend bool operator==(const TileId &, const TileId &) = default;
};

inline size_t qHash(const TileId &t, size_t seed = 0)
{
    return qHashMulti(seed, t.z, t.x, t.y);
}

// Spherical Web Mercator (EPSG:3857) in "world pixels": at zoom z the world
// is 256·2^z pixels square, (0, 0) at its north-west corner. Fractional
// zooms work too (smooth zooming). The map widget, the complaint view's
// thumbnail and the clustering all use these, and only these, formulas.
namespace WebMercator {

constexpr int TileSize = 256;
constexpr double MaxLatitude = 85.05112877980659; // where the square world ends
constexpr double EarthRadius = 6378137.0;         // metres, as EPSG:3857 has it

inline double worldSize(double zoom)
{
    return TileSize * std::exp2(zoom);
}

inline QPointF project(double latitude, double longitude, double zoom)
{
    const double lat = std::clamp(latitude, -MaxLatitude, MaxLatitude) * std::numbers::pi / 180.0;
    const double size = worldSize(zoom);
    const double x = (longitude + 180.0) / 360.0 * size;
    const double y =
        (1.0 - std::log(std::tan(lat) + 1.0 / std::cos(lat)) / std::numbers::pi) / 2.0 * size;
    return {x, y};
}

// latitude, longitude of a world pixel (x as QPointF::x()).
inline QPointF unproject(const QPointF &pixel, double zoom)
{
    const double size = worldSize(zoom);
    const double longitude = pixel.x() / size * 360.0 - 180.0;
    const double n = std::numbers::pi - 2.0 * std::numbers::pi * pixel.y() / size;
    const double latitude = 180.0 / std::numbers::pi * std::atan(std::sinh(n));
    return {latitude, longitude};
}

inline TileId tileAt(double latitude, double longitude, int zoom)
{
    const QPointF p = project(latitude, longitude, zoom);
    const int last = (1 << zoom) - 1;
    return {zoom, std::clamp(int(std::floor(p.x() / TileSize)), 0, last),
            std::clamp(int(std::floor(p.y() / TileSize)), 0, last)};
}

// The tile's corners in degrees.
inline GeoBox tileBounds(const TileId &tile)
{
    const QPointF nw = unproject(QPointF(tile.x * TileSize, tile.y * TileSize), tile.z);
    const QPointF se = unproject(QPointF((tile.x + 1) * TileSize, (tile.y + 1) * TileSize), tile.z);
    return {se.x(), nw.y(), nw.x(), se.y()};
}

// Ground metres one world pixel covers at this latitude and zoom (for the
// scale bar).
inline double metresPerPixel(double latitude, double zoom)
{
    return 2.0 * std::numbers::pi * EarthRadius * std::cos(latitude * std::numbers::pi / 180.0) /
           worldSize(zoom);
}

} // namespace WebMercator
} // namespace rd
