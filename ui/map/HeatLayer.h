#pragma once

#include "ClusterIndex.h"
#include "MapView.h"

#include <QImage>
#include <QRgb>

#include <array>
#include <vector>

class QPainter;

namespace rd {

// The heat layer: a density surface of the complaints in view, by count or
// by votes, coloured none → green → yellow → red. Its buffers are kept from
// frame to frame.
class HeatLayer final
{
public:
    static const std::array<QRgb, 256> &palette();

    void paint(QPainter &painter, const MapView &view, const ClusterIndex &index, int clusterZoom,
               bool byVotes);

private:
    // The surface at a quarter of the size, and its levels 0–255.
    void accumulate(const MapView &view, const ClusterIndex &index, int clusterZoom, bool byVotes);
    void makeKernel(double radius);
    // The levels to half the size, coloured.
    void colour();

    static constexpr int Factor = 4;
    int m_width = 0; // of the surface
    int m_height = 0;
    int m_reach = 0; // of one bump, in the surface's pixels
    QImage m_image;
    std::vector<float> m_density;
    std::vector<quint8> m_levels;
    std::vector<float> m_kernel; // one bump, for the frame's radius
    std::vector<quint16> m_wide; // the levels stretched across, row by row
};

} // namespace rd
