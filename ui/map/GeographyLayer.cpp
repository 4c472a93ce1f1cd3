#include "GeographyLayer.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace rd {

namespace {

constexpr double Tolerance = 0.25; // px at a level's zoom: what simplifying may move a point
constexpr int MaxLabels = 60;      // a frame's names at most

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

// A polygon cut to a rectangle (Sutherland–Hodgman): what lies outside is
// replaced by the rectangle's edge, so a fill inside stays the same.
QPolygonF clippedPolygon(const QPolygonF &polygon, const QRectF &r)
{
    if (r.contains(polygon.boundingRect()))
        return polygon;
    QPolygonF out = polygon;
    const auto cut = [&out](auto inside, auto cross) {
        const QPolygonF in = out;
        out.clear();
        if (in.isEmpty())
            return;
        QPointF from = in.last();
        for (const QPointF &to : in) {
            if (inside(to)) {
                if (!inside(from))
                    out.append(cross(from, to));
                out.append(to);
            } else if (inside(from)) {
                out.append(cross(from, to));
            }
            from = to;
        }
    };
    const auto atX = [](const QPointF &a, const QPointF &b, double x) {
        return QPointF(x, a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x()));
    };
    const auto atY = [](const QPointF &a, const QPointF &b, double y) {
        return QPointF(a.x() + (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()), y);
    };
    cut([&](const QPointF &p) { return p.x() >= r.left(); },
        [&](const QPointF &a, const QPointF &b) { return atX(a, b, r.left()); });
    cut([&](const QPointF &p) { return p.x() <= r.right(); },
        [&](const QPointF &a, const QPointF &b) { return atX(a, b, r.right()); });
    cut([&](const QPointF &p) { return p.y() >= r.top(); },
        [&](const QPointF &a, const QPointF &b) { return atY(a, b, r.top()); });
    cut([&](const QPointF &p) { return p.y() <= r.bottom(); },
        [&](const QPointF &a, const QPointF &b) { return atY(a, b, r.bottom()); });
    return out;
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
    m_tiles.clear();
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

GeographyLayer::Placement GeographyLayer::placement(double zoom, const QPointF &topLeft,
                                                    const QSizeF &size) const
{
    Placement at;
    at.level = &m_levels.back();
    for (const Level &level : m_levels) {
        if (level.zoom >= zoom) {
            at.level = &level;
            break;
        }
    }
    at.scale = std::exp2(zoom - at.level->zoom);
    at.offset = -topLeft;
    const double margin = 12; // px: more than half the widest street
    at.clip = QRectF(QPointF(-margin, -margin), size + QSizeF(2 * margin, 2 * margin));
    at.visible = QRectF((topLeft - QPointF(margin, margin)) / at.scale, at.clip.size() / at.scale);
    return at;
}

GeographyLayer::Placement GeographyLayer::placement(const MapView &view) const
{
    return placement(view.zoom, view.toWorld({0, 0}), view.size);
}

const QPolygonF &GeographyLayer::onScreen(const Placement &at, const QPolygonF &points)
{
    m_buffer.resize(points.size());
    for (qsizetype i = 0; i < points.size(); ++i)
        m_buffer[i] = at.toScreen(points[i]);
    return m_buffer;
}

bool GeographyLayer::paint(QPainter &painter, const MapView &view, const MapColours &colours,
                           const QFont &font, qreal pixelRatio)
{
    if (isEmpty() || m_levels.empty())
        return true;
    if (pixelRatio != m_labelRatio || colours.dark != m_labelsDark) {
        m_labels.clear();
        m_tiles.clear();
        m_labelRatio = pixelRatio;
        m_labelsDark = colours.dark;
    }
    m_placed.clear();
    m_newLabels = NewLabelsPerFrame;
    m_labelsPending = false;
    painter.save();
    const Placement at = placement(view);
    bool complete = true;
    if (pointsIn(at) <= DirectPoints) { // a few shapes in view: drawn as they are
        painter.setRenderHint(QPainter::Antialiasing, true);
        paintDistricts(painter, at, colours);
        if (view.zoom >= StreetsFrom)
            paintStreets(painter, at, colours, view.zoom);
    } else {
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        complete = paintTiles(painter, view, colours);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    if (view.zoom >= StreetNamesFrom)
        paintStreetNames(painter, at, view, colours, font);
    if (view.zoom <= DistrictNamesUpTo)
        paintDistrictNames(painter, view, colours, font);
    painter.restore();
    return complete && !m_labelsPending;
}

qsizetype GeographyLayer::pointsIn(const Placement &at) const
{
    qsizetype points = 0;
    for (const auto *pieces : {&at.level->rings, &at.level->lines})
        for (const Piece &piece : *pieces)
            points += piece.bounds.intersects(at.visible) ? piece.points.size() : 0;
    return points;
}

bool GeographyLayer::paintTiles(QPainter &painter, const MapView &view, const MapColours &colours)
{
    int budget = NewTilesPerFrame;
    bool complete = true;
    // As TileLayer does: the tiles of the nearest whole zoom, scaled.
    const int tz = std::clamp(int(std::lround(view.zoom)), 2, 19);
    const double scale = std::exp2(view.zoom - tz);
    const double size = WebMercator::TileSize * scale;
    QPointF origin = view.toWorld({0, 0}) / scale; // world pixels at tz
    if (scale == 1.0)
        origin = origin.toPoint(); // whole pixels: a plain copy
    const int first = int(std::floor(origin.x() / WebMercator::TileSize));
    const int top = int(std::floor(origin.y() / WebMercator::TileSize));
    const int columns = int(std::ceil(view.size.width() / size)) + 1;
    const int rows = int(std::ceil(view.size.height() / size)) + 1;
    const int side = 1 << tz;
    for (int y = top; y < top + rows && y < side; ++y) {
        for (int x = first; x < first + columns && x < side; ++x) {
            if (x < 0 || y < 0)
                continue;
            const quint64 key = (quint64(tz) << 48) | (quint64(x) << 24) | quint64(y);
            QImage *tile = m_tiles.object(key);
            if (!tile && budget == 0) {
                complete = false; // the next frame draws it
                continue;
            }
            if (!tile) {
                --budget;
                tile = new QImage(renderTile(tz, x, y, colours));
                m_tiles.insert(key, tile, std::max<qsizetype>(1, tile->sizeInBytes() / 1024));
            }
            if (tile->isNull())
                continue; // nothing of the city there
            const QRectF target((x * WebMercator::TileSize - origin.x()) * scale,
                                (y * WebMercator::TileSize - origin.y()) * scale, size, size);
            painter.drawImage(target, *tile);
        }
    }
    return complete;
}

QImage GeographyLayer::renderTile(int z, int x, int y, const MapColours &colours)
{
    const Placement at = placement(z, QPointF(x, y) * WebMercator::TileSize,
                                   QSizeF(WebMercator::TileSize, WebMercator::TileSize));
    const auto meets = [&](const std::vector<Piece> &pieces) {
        return std::any_of(pieces.begin(), pieces.end(),
                           [&](const Piece &p) { return p.bounds.intersects(at.visible); });
    };
    const bool streets = z >= StreetsFrom;
    if (!meets(at.level->rings) && !(streets && meets(at.level->lines)))
        return {};
    QImage tile(QSize(WebMercator::TileSize, WebMercator::TileSize) * m_labelRatio,
                QImage::Format_RGB32); // opaque: a plain copy on the screen
    tile.setDevicePixelRatio(m_labelRatio);
    tile.fill(colours.background);
    QPainter painter(&tile);
    painter.setRenderHint(QPainter::Antialiasing, true);
    paintDistricts(painter, at, colours);
    if (streets)
        paintStreets(painter, at, colours, z);
    painter.end();
    return tile;
}

void GeographyLayer::paintDistricts(QPainter &painter, const Placement &at,
                                    const MapColours &colours)
{
    // One path per district (its rings even-odd: holes stay holes), each
    // ring clipped to what is drawn, tinted by its place in the list,
    // outlined on top.
    std::vector<QPainterPath> paths(m_districts.size());
    for (auto &path : paths)
        path.setFillRule(Qt::OddEvenFill);
    for (const Piece &piece : at.level->rings) {
        if (!piece.bounds.intersects(at.visible))
            continue;
        const QPolygonF ring = clippedPolygon(onScreen(at, piece.points), at.clip);
        if (ring.size() < 3)
            continue;
        paths[size_t(piece.owner)].addPolygon(ring);
        paths[size_t(piece.owner)].closeSubpath();
    }
    // Filled without antialiasing (many times cheaper over a whole screen);
    // the antialiased outline covers the edge.
    const bool smooth = painter.testRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    for (size_t i = 0; i < paths.size(); ++i) {
        if (!paths[i].isEmpty())
            painter.fillPath(paths[i], colours.districtFills[i % colours.districtFills.size()]);
    }
    painter.setRenderHint(QPainter::Antialiasing, smooth);
    // A one-pixel cosmetic pen: Qt draws it without the stroker, a tenth of
    // the cost of a wider line over a whole screen.
    QPen pen(colours.outline, 1);
    pen.setCosmetic(true);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    for (const QPainterPath &path : paths) {
        if (!path.isEmpty())
            painter.drawPath(path);
    }
}

void GeographyLayer::paintStreets(QPainter &painter, const Placement &at, const MapColours &colours,
                                  double zoom)
{
    // Wider as the map comes closer: 1 px up to zoom 12, 2 at 14, 8 at
    // 18; from 2 px on, a darker edge (two passes, the edges first). Each
    // line is cut to what is drawn.
    const double width = std::clamp(std::exp2((zoom - 12.0) / 2), 1.0, 10.0);
    QList<QPolygonF> runs;
    for (const Piece &piece : at.level->lines) {
        if (!piece.bounds.intersects(at.visible))
            continue;
        const QPolygonF &line = onScreen(at, piece.points);
        QPolygonF run;
        for (qsizetype i = 1; i < line.size(); ++i) {
            const QLineF part = clipped(QLineF(line[i - 1], line[i]), at.clip);
            if (part.isNull()) {
                if (run.size() > 1)
                    runs.append(run);
                run.clear();
                continue;
            }
            if (run.isEmpty() || run.last() != part.p1()) {
                if (run.size() > 1)
                    runs.append(run);
                run = QPolygonF{part.p1()};
            }
            run.append(part.p2());
        }
        if (run.size() > 1)
            runs.append(run);
    }
    const auto draw = [&](const QColor &colour, double penWidth) {
        painter.setPen(QPen(colour, penWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        for (const QPolygonF &run : std::as_const(runs))
            painter.drawPolyline(run);
    };
    if (width <
        2) { // a thin line (cosmetic: cheap), darker than the land in light, lighter in dark
        QPen thin(colours.dark ? colours.street.lighter(130) : colours.streetCasing.darker(110), 1);
        thin.setCosmetic(true);
        painter.setPen(thin);
        for (const QPolygonF &run : std::as_const(runs))
            painter.drawPolyline(run);
        return;
    }
    const bool smooth = painter.testRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::Antialiasing, false); // the edge: under the street's own
    draw(colours.streetCasing, width + 2);
    painter.setRenderHint(QPainter::Antialiasing, smooth);
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
        const QPixmap *name = label(d.name, true, colours, font);
        if (!name)
            continue;
        const QSizeF size = name->deviceIndependentSize();
        // While the district is clearly larger than its name on the screen.
        if (d.bounds.width() * scale < size.width() * 1.1 ||
            d.bounds.height() * scale < size.height() * 2)
            continue;
        const QPointF at = view.toScreen(d.labelAt.x(), d.labelAt.y());
        const QRectF box(at - QPointF(size.width() / 2, size.height() / 2), size);
        if (!screen.intersects(box) || !placeLabel(box))
            continue;
        painter.drawPixmap(box.topLeft().toPoint(), *name);
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
        const QPixmap *picture = label(name, false, colours, font);
        if (!picture)
            continue;
        const QSizeF size = picture->deviceIndependentSize();
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
        painter.drawPixmap(QPointF(-size.width() / 2, -size.height() / 2), *picture);
        painter.restore();
    }
}

const QPixmap *GeographyLayer::label(const QString &text, bool district, const MapColours &colours,
                                     const QFont &font)
{
    const QString key = (district ? QLatin1Char('d') : QLatin1Char('s')) + text;
    auto it = m_labels.find(key);
    if (it != m_labels.end())
        return &*it;
    if (m_newLabels == 0) {
        m_labelsPending = true; // drawn in a later frame
        return nullptr;
    }
    --m_newLabels;
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
    return &*m_labels.insert(key, picture);
}

} // namespace rd
