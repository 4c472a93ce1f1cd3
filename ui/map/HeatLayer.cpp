#include "HeatLayer.h"

#include <QColor>
#include <QList>
#include <QPainter>
#include <QPair>

#include <algorithm>
#include <cmath>

namespace rd {

const std::array<QRgb, 256> &HeatLayer::palette()
{
    static const std::array<QRgb, 256> colours = [] {
        std::array<QRgb, 256> table{};
        const QList<QPair<double, QColor>> stops{{0.0, QColor(0x1a, 0x98, 0x50)},
                                                 {0.35, QColor(0x91, 0xcf, 0x60)},
                                                 {0.6, QColor(0xfe, 0xe0, 0x8b)},
                                                 {0.8, QColor(0xfc, 0x8d, 0x59)},
                                                 {1.0, QColor(0xd7, 0x30, 0x27)}};
        for (int i = 0; i < 256; ++i) {
            const double t = i / 255.0;
            int k = 1;
            while (k < stops.size() - 1 && stops[k].first < t)
                ++k;
            const double f = (t - stops[k - 1].first) / (stops[k].first - stops[k - 1].first);
            const QColor &a = stops[k - 1].second;
            const QColor &b = stops[k].second;
            const int alpha = i < 6 ? 0 : std::min(210, i * 3); // the faintest: nothing
            const auto mix = [&](int x, int y) { return int((x + (y - x) * f) * alpha / 255); };
            table[size_t(i)] = qRgba(mix(a.red(), b.red()), mix(a.green(), b.green()),
                                     mix(a.blue(), b.blue()), alpha);
        }
        return table;
    }();
    return colours;
}

void HeatLayer::paint(QPainter &painter, const MapView &view, const ClusterIndex &index,
                      int clusterZoom, bool byVotes)
{
    accumulate(view, index, clusterZoom, byVotes);
    colour();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QRectF(0, 0, m_image.width() * 2.0, m_image.height() * 2.0), m_image);
}

void HeatLayer::makeKernel(double radius)
{
    // One kernel for every bump of this frame (they share the radius);
    // bumps sit on whole small pixels (four screen pixels: not visible).
    m_reach = int(std::ceil(radius));
    const int span = 2 * m_reach + 1;
    m_kernel.resize(size_t(span) * size_t(span));
    for (int dy = -m_reach; dy <= m_reach; ++dy) {
        for (int dx = -m_reach; dx <= m_reach; ++dx) {
            const double k = std::max(0.0, 1.0 - (dx * dx + dy * dy) / (radius * radius));
            m_kernel[size_t(dy + m_reach) * size_t(span) + size_t(dx + m_reach)] = float(k * k);
        }
    }
}

void HeatLayer::accumulate(const MapView &view, const ClusterIndex &index, int clusterZoom,
                           bool byVotes)
{
    // Each cell of a finer cluster level adds a soft (quartic) bump weighed
    // by its count or votes; the surface is scaled to its highest point in
    // view.
    m_width = (int(view.size.width()) + Factor - 1) / Factor;
    m_height = (int(view.size.height()) + Factor - 1) / Factor;
    const int w = m_width;
    const int h = m_height;
    m_density.assign(size_t(w) * size_t(h), 0.0f);
    const int zoom = std::min(clusterZoom + 2, index.maxZoom());
    const double cell = index.cellPixels() * std::exp2(view.zoom - zoom);
    const double radius = std::max(3.0, cell * 1.5 / Factor);
    const double margin = radius * Factor;
    const GeoBox around = view.boxOf(
        QRectF(-margin, -margin, view.size.width() + 2 * margin, view.size.height() + 2 * margin));
    makeKernel(radius);
    const int reach = m_reach;
    const int span = 2 * reach + 1;
    for (const auto &c : index.clusters(around, zoom)) {
        const float weight = float(byVotes ? double(c.votes) : double(c.count));
        if (weight <= 0)
            continue;
        const QPointF at = view.toScreen(c.latitude, c.longitude) / Factor;
        const int cx = int(std::lround(at.x()));
        const int cy = int(std::lround(at.y()));
        const int fromX = std::max(0, cx - reach);
        const int toX = std::min(w - 1, cx + reach);
        if (fromX > toX)
            continue;
        for (int y = std::max(0, cy - reach); y <= std::min(h - 1, cy + reach); ++y) {
            float *row = m_density.data() + size_t(y) * size_t(w);
            const float *kernel = m_kernel.data() + size_t(y - cy + reach) * size_t(span) +
                                  size_t(fromX - cx + reach);
            for (int x = fromX; x <= toX; ++x)
                row[x] += weight * kernel[x - fromX];
        }
    }
    const float highest =
        m_density.empty() ? 0.0f : *std::max_element(m_density.begin(), m_density.end());
    // A square root spreads the colours: a few hot spots do not leave
    // everything else pale.
    m_levels.resize(size_t(w) * size_t(h));
    for (size_t i = 0; i < m_density.size(); ++i)
        m_levels[i] =
            quint8(highest > 0 ? std::lround(std::sqrt(m_density[i] / highest) * 255.0f) : 0);
}

void HeatLayer::colour()
{
    // Up to half the size by bilinear interpolation of the levels, across
    // each small row first, then between rows, then coloured; the last
    // doubling is a plain pixel copy (on a surface this smooth it does not
    // show, and Qt's smooth scaling of the whole would cost five times as
    // much).
    constexpr int Half = Factor / 2;
    const int w = m_width;
    const int h = m_height;
    const int wideWidth = w * Half;
    const int wideHeight = h * Half;
    if (m_image.size() != QSize(wideWidth, wideHeight))
        m_image = QImage(wideWidth, wideHeight, QImage::Format_ARGB32_Premultiplied);
    const auto &colours = palette();
    m_wide.resize(size_t(h) * size_t(wideWidth));
    for (int x = 0; x < wideWidth; ++x) {
        const double sx = std::clamp((x + 0.5) / Half - 0.5, 0.0, double(w - 1));
        const int left = int(sx);
        const int right = std::min(left + 1, w - 1);
        const quint32 f = quint32((sx - left) * 256);
        for (int y = 0; y < h; ++y) {
            const quint8 *row = m_levels.data() + size_t(y) * size_t(w);
            m_wide[size_t(y) * size_t(wideWidth) + size_t(x)] =
                quint16(row[left] * (256 - f) + row[right] * f); // level × 256
        }
    }
    for (int y = 0; y < wideHeight; ++y) {
        const double sy = std::clamp((y + 0.5) / Half - 0.5, 0.0, double(h - 1));
        const int y0 = int(sy);
        const int y1 = std::min(y0 + 1, h - 1);
        const quint32 fy = quint32((sy - y0) * 256);
        const quint16 *top = m_wide.data() + size_t(y0) * size_t(wideWidth);
        const quint16 *bottom = m_wide.data() + size_t(y1) * size_t(wideWidth);
        auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(y));
        for (int x = 0; x < wideWidth; ++x)
            line[x] = colours[(top[x] * (256 - fy) + bottom[x] * fy) >> 16];
    }
}

} // namespace rd
