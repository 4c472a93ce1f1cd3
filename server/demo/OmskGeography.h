#pragma once

#include "Geography.h"

#include <QList>
#include <QString>

namespace rd::demo {

// A real city's geography for demo data: Omsk's five administrative okrugs
// and real streets, each street a segment between two real points, so
// generated complaints fall on streets inside the city.
struct DemoStreet
{
    const char *name;
    int districtId;
    double lat1, lon1, lat2, lon2;
};

struct DemoDistrict
{
    int id;
    const char *name;
};

const QList<DemoDistrict> &omskDistricts();
const QList<DemoStreet> &omskStreets();

// What the demo server publishes as its geography (docs/api.md
// "Geography"): the five okrugs' outlines, approximate (drawn along the
// Irtysh, which parts the Kirovsky okrug from the rest, and between the
// demo's streets so that each street lies in its own okrug; a few long
// streets cross into the next, as real ones do), and every street above as
// a line with its name.
Geography omskGeography();

// The city's bounding box, for sanity checks in tests.
constexpr double OmskSouth = 54.88;
constexpr double OmskNorth = 55.12;
constexpr double OmskWest = 73.15;
constexpr double OmskEast = 73.58;

} // namespace rd::demo
