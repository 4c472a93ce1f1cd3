#pragma once

namespace rd {

// A latitude/longitude rectangle in degrees (WGS 84). It never crosses the
// antimeridian: a city desk has no use for that, and isValid() says so.
struct GeoBox
{
    double south = 0.0;
    double west = 0.0;
    double north = 0.0;
    double east = 0.0;

    bool isValid() const
    {
        return south >= -90.0 && north <= 90.0 && west >= -180.0 && east <= 180.0 &&
               south <= north && west <= east;
    }
    bool contains(double latitude, double longitude) const
    {
        return latitude >= south && latitude <= north && longitude >= west && longitude <= east;
    }
    // The part of both (invalid when they do not meet).
    GeoBox intersected(const GeoBox &other) const
    {
        return {south > other.south ? south : other.south, west > other.west ? west : other.west,
                north < other.north ? north : other.north, east < other.east ? east : other.east};
    }
    friend bool operator==(const GeoBox &, const GeoBox &) = default;
};

} // namespace rd
