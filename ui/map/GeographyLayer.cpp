#include "GeographyLayer.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace rd {

namespace {

constexpr double Tolerance = 0.25; // px at a level's zoom: what simplifying may move a point
constexpr int MaxLabels = 150;     // a frame's names at most

double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t =
        length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + ab * t);
    return std::hypot(d.x(), d.y());
}

// Douglas–Peucker, iteratively: the points that keep the line within
// Tolerance of the original.
QPolygonF simplified(const QPolygonF &points)
{
    if (points.size() <= 2)
        return points;
    std::vector<bool> keep(size_t(points.size()), false);
    keep.front() = keep.back() = true;
    std::vector<std::pair<qsizetype, qsizetype>> stack{{0, points.size() - 1}};
    while (!stack.empty()) {
        const auto [first, last] = stack.back();
        stack.pop_back();
        double farthest = 0;
        qsizetype at = -1;
        for (qsizetype i = first + 1; i < last; ++i) {
            const double d = distanceToSegment(points[i], points[first], points[last]);
            if (d > farthest) {
                farthest = d;
                at = i;
            }
        }
        if (at >= 0 && farthest > Tolerance) {
            keep[size_t(at)] = true;
            stack.push_back({first, at});
            stack.push_back({at, last});
        }
    }
    QPolygonF out;
    for (qsizetype i = 0; i < points.size(); ++i)
        if (keep[size_t(i)])
            out.append(points[i]);
    return out;
}

QPolygonF projected(const GeoLine &line, double zoom)
{
    QPolygonF out;
    out.reserve(line.size());
    for (const QPointF &p : line)
        out.append(WebMercator::project(p.x(), p.y(), zoom));
    return out;
}

// A point inside the ring to write the district's name at: the centroid
// when it lies inside, else the middle of the widest stretch of the ring
// across the centroid's latitude (a crescent's centroid lies outside it).
QPointF labelPoint(const GeoLine &ring)
{
    double area = 0, x = 0, y = 0;
    for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const double cross = ring[j].x() * ring[i].y() - ring[i].x() * ring[j].y();
        area += cross;
        x += (ring[j].x() + ring[i].x()) * cross;
        y += (ring[j].y() + ring[i].y()) * cross;
    }
    if (std::abs(area) < 1e-12)
        return ring.first();
    const QPointF centroid(x / (3 * area), y / (3 * area));
    if (QPolygonF(ring).containsPoint(centroid, Qt::OddEvenFill))
        return centroid;
    QList<double> crossings;
    for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const QPointF &a = ring[j];
        const QPointF &b = ring[i];
        if ((a.x() > centroid.x()) != (b.x() > centroid.x()))
            crossings.append(a.y() + (centroid.x() - a.x()) * (b.y() - a.y()) / (b.x() - a.x()));
    }
    std::sort(crossings.begin(), crossings.end());
    double widest = -1;
    QPointF best = ring.first();
    for (qsizetype i = 0; i + 1 < crossings.size(); i += 2) {
        if (crossings[i + 1] - crossings[i] > widest) {
            widest = crossings[i + 1] - crossings[i];
            best = QPointF(centroid.x(), (crossings[i] + crossings[i + 1]) / 2);
        }
    }
    return best;
}

// The part of a segment inside a rectangle (Liang–Barsky), or a null line.
QLineF clipped(const QLineF &segment, const QRectF &r)
{
    double t0 = 0, t1 = 1;
    const double dx = segment.dx(), dy = segment.dy();
    const double p[] = {-dx, dx, -dy, dy};
    const double q[] = {segment.x1() - r.left(), r.right() - segment.x1(), segment.y1() - r.top(),
                        r.bottom() - segment.y1()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return {};
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
    }
    if (t0 >= t1)
        return {};
    return {segment.pointAt(t0), segment.pointAt(t1)};
}

double ringArea(const GeoLine &ring)
{
    double area = 0;
    for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        area += ring[j].x() * ring[i].y() - ring[i].x() * ring[j].y();
    return std::abs(area);
}

} // namespace

void GeographyLayer::setGeography(const Geography &geography)
{
    m_districts.clear();
    m_streets.clear();
    m_levels.clear();
    for (const int zoom : LevelZooms)
        m_levels.push_back({zoom, {}, {}});
    const auto addPiece = [&](std::vector<Piece> Level::*pieces, const GeoLine &line, int owner,
                              qsizetype least) {
        for (Level &level : m_levels) {
            QPolygonF points = simplified(projected(line, level.zoom));
            if (points.size() < least)
                continue; // smaller than a pixel here
            const QRectF bounds = points.boundingRect();
            (level.*pieces).push_back({std::move(points), bounds, owner});
        }
    };
    for (const DistrictOutline &d : geography.districts) {
        const int owner = int(m_districts.size());
        District district{d.name, {}, {}};
        const GeoLine *largest = nullptr;
        for (const DistrictOutline::Polygon &polygon : d.polygons) {
            for (const GeoLine &ring : polygon) {
                addPiece(&Level::rings, ring, owner, 3);
                district.bounds |= projected(ring, 0).boundingRect();
            }
            if (!polygon.isEmpty() && (!largest || ringArea(polygon.first()) > ringArea(*largest)))
                largest = &polygon.first();
        }
        if (!largest)
            continue;
        district.labelAt = labelPoint(*largest);
        m_districts.push_back(district);
    }
    for (const StreetLine &s : geography.streets) {
        const int owner = int(m_streets.size());
        for (const GeoLine &part : s.parts)
            addPiece(&Level::lines, part, owner, 2);
        m_streets.push_back(s.name);
    }
}

GeographyLayer::Placement GeographyLayer::placement(const MapView &view) const
{
    Placement at;
    at.level = &m_levels.back();
    for (const Level &level : m_levels) {
        if (level.zoom >= view.zoom) {
            at.level = &level;
            break;
        }
    }
    at.scale = std::exp2(view.zoom - at.level->zoom);
    const QPointF topLeft = view.toWorld({0, 0});
    at.offset = -topLeft;
    const double margin = 12; // px: a wide street's edge
    at.visible = QRectF((topLeft - QPointF(margin, margin)) / at.scale,
                        (view.size + QSizeF(2 * margin, 2 * margin)) / at.scale);
    return at;
}

const QPolygonF &GeographyLayer::onScreen(const Placement &at, const QPolygonF &points)
{
    m_buffer.resize(points.size());
    for (qsizetype i = 0; i < points.size(); ++i)
        m_buffer[i] = at.toScreen(points[i]);
    return m_buffer;
}

void GeographyLayer::paint(QPainter &painter, const MapView &view, const MapColours &colours,
                           const QFont &font, qreal pixelRatio)
{
    if (isEmpty() || m_levels.empty())
        return;
    if (pixelRatio != m_labelRatio || colours.dark != m_labelsDark) {
        m_labels.clear();
        m_labelRatio = pixelRatio;
        m_labelsDark = colours.dark;
    }
    m_placed.clear();
    const Placement at = placement(view);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    paintDistricts(painter, at, colours);
    if (view.zoom >= StreetsFrom)
        paintStreets(painter, at, colours, view.zoom);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    if (view.zoom >= StreetNamesFrom)
        paintStreetNames(painter, at, view, colours, font);
    if (view.zoom <= DistrictNamesUpTo)
        paintDistrictNames(painter, view, colours, font);
    painter.restore();
}

void GeographyLayer::paintDistricts(QPainter &painter, const Placement &at,
                                    const MapColours &colours)
{
    // One path per district (its rings even-odd: holes stay holes), tinted
    // by its place in the list, outlined on top.
    std::vector<QPainterPath> paths(m_districts.size());
    for (auto &path : paths)
        path.setFillRule(Qt::OddEvenFill);
    for (const Piece &piece : at.level->rings) {
        if (!piece.bounds.intersects(at.visible))
            continue;
        paths[size_t(piece.owner)].addPolygon(onScreen(at, piece.points));
        paths[size_t(piece.owner)].closeSubpath();
    }
    painter.setPen(Qt::NoPen);
    for (size_t i = 0; i < paths.size(); ++i) {
        if (!paths[i].isEmpty())
            painter.fillPath(paths[i], colours.districtFills[i % colours.districtFills.size()]);
    }
    QColor outline = colours.outline;
    outline.setAlpha(200);
    painter.setPen(QPen(outline, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    for (const QPainterPath &path : paths) {
        if (!path.isEmpty())
            painter.drawPath(path);
    }
}

void GeographyLayer::paintStreets(QPainter &painter, const Placement &at, const MapColours &colours,
                                  double zoom)
{
    // Wider as the map comes closer: 1 px at zoom 11, 4 at 15, 10 at most;
    // from 2 px on, a darker edge (two passes, the edges first).
    const double width = std::clamp(std::exp2((zoom - StreetsFrom) / 2), 1.0, 10.0);
    const auto draw = [&](const QColor &colour, double penWidth) {
        painter.setPen(QPen(colour, penWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        for (const Piece &piece : at.level->lines) {
            if (piece.bounds.intersects(at.visible))
                painter.drawPolyline(onScreen(at, piece.points));
        }
    };
    if (width < 2) { // a thin line: darker than the land in light, lighter in dark
        draw(colours.dark ? colours.street.lighter(130) : colours.streetCasing.darker(110), width);
        return;
    }
    draw(colours.streetCasing, width + 2);
    draw(colours.street, width);
}

bool GeographyLayer::placeLabel(const QRectF &box)
{
    if (m_placed.size() >= MaxLabels)
        return false;
    for (const QRectF &other : std::as_const(m_placed))
        if (other.intersects(box))
            return false;
    m_placed.append(box);
    return true;
}

void GeographyLayer::paintDistrictNames(QPainter &painter, const MapView &view,
                                        const MapColours &colours, const QFont &font)
{
    const double scale = std::exp2(view.zoom);
    const QRectF screen(QPointF(0, 0), view.size);
    for (const District &d : m_districts) {
        if (d.name.isEmpty())
            continue;
        const QPixmap &name = label(d.name, true, colours, font);
        const QSizeF size = name.deviceIndependentSize();
        // While the district is clearly larger than its name on the screen.
        if (d.bounds.width() * scale < size.width() * 1.1 ||
            d.bounds.height() * scale < size.height() * 2)
            continue;
        const QPointF at = view.toScreen(d.labelAt.x(), d.labelAt.y());
        const QRectF box(at - QPointF(size.width() / 2, size.height() / 2), size);
        if (!screen.intersects(box) || !placeLabel(box))
            continue;
        painter.drawPixmap(box.topLeft().toPoint(), name);
    }
}

void GeographyLayer::paintStreetNames(QPainter &painter, const Placement &at, const MapView &view,
                                      const MapColours &colours, const QFont &font)
{
    // Along the longest stretch of each line in view, upright, where the
    // name fits with room to spare and meets no other name.
    const QRectF screen(QPointF(0, 0), view.size);
    for (const Piece &piece : at.level->lines) {
        const QString &name = m_streets[size_t(piece.owner)];
        if (name.isEmpty() || !piece.bounds.intersects(at.visible))
            continue;
        const QPolygonF &line = onScreen(at, piece.points);
        QLineF longest;
        for (qsizetype i = 1; i < line.size(); ++i) {
            const QLineF segment = clipped(QLineF(line[i - 1], line[i]), screen);
            if (segment.length() > longest.length())
                longest = segment;
        }
        const QPixmap &picture = label(name, false, colours, font);
        const QSizeF size = picture.deviceIndependentSize();
        if (longest.length() < size.width() + 24)
            continue;
        double angle = longest.angle(); // counter-clockwise degrees
        if (angle > 90 && angle <= 270)
            angle -= 180;
        const QPointF centre = longest.center();
        const double half = std::max(size.width(), size.height()) / 2;
        const QRectF box(centre - QPointF(half, size.height()),
                         QSizeF(2 * half, 2 * size.height()));
        if (!placeLabel(box.adjusted(half * 0.3, 0, -half * 0.3, 0)))
            continue;
        painter.save();
        painter.translate(centre);
        painter.rotate(-angle);
        painter.drawPixmap(QPointF(-size.width() / 2, -size.height() / 2), picture);
        painter.restore();
    }
}

const QPixmap &GeographyLayer::label(const QString &text, bool district, const MapColours &colours,
                                     const QFont &font)
{
    const QString key = (district ? QLatin1Char('d') : QLatin1Char('s')) + text;
    auto it = m_labels.find(key);
    if (it != m_labels.end())
        return *it;
    QFont f = font;
    f.setPixelSize(district ? 12 : 11);
    f.setBold(district);
    const QString shown = district ? text.toUpper() : text;
    const QFontMetricsF metrics(f);
    const QSizeF size(metrics.horizontalAdvance(shown) + 6, metrics.height() + 4);
    QPixmap picture((size * m_labelRatio).toSize());
    picture.setDevicePixelRatio(m_labelRatio);
    picture.fill(Qt::transparent);
    QPainter p(&picture);
    p.setRenderHint(QPainter::Antialiasing, true);
    QPainterPath path;
    path.addText(3, 2 + metrics.ascent(), f, shown);
    p.strokePath(path, QPen(colours.halo, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.fillPath(path, district ? colours.districtText : colours.streetText);
    p.end();
    if (m_labels.size() > 4000)
        m_labels.clear();
    return *m_labels.insert(key, picture);
}

} // namespace rd
