#include "MapWidget.h"

#include "QueueModel.h"
#include "TileSource.h"

#include <QActionGroup>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QRadialGradient>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>

namespace rd {

namespace {

constexpr double MinZoom = 2.0;
constexpr double MaxZoom = 19.0;
constexpr double SingleMarkersInHeatFrom = 16.0; // the heat layer shows complaints from here in
const QColor OverdueRing(0xd5, 0x00, 0x00);
const QColor DraftBadge(0x6a, 0x1b, 0x9a);

enum class Glyph
{
    ZoomIn,
    ZoomOut,
    FitAll,
    Agency,
    Heat,
    Area,
    ClearArea
};

// The buttons' pictures, drawn (no icon theme on Windows, crisp at any scale).
QIcon glyphIcon(Glyph glyph, const QColor &ink)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.scale(size / 16.0, size / 16.0);
        QPen pen(ink, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(pen);
        switch (glyph) {
        case Glyph::ZoomIn:
            p.drawLine(QPointF(3, 8), QPointF(13, 8));
            p.drawLine(QPointF(8, 3), QPointF(8, 13));
            break;
        case Glyph::ZoomOut:
            p.drawLine(QPointF(3, 8), QPointF(13, 8));
            break;
        case Glyph::FitAll:
            for (const QPointF &c :
                 {QPointF(2.5, 2.5), QPointF(13.5, 2.5), QPointF(2.5, 13.5), QPointF(13.5, 13.5)}) {
                const double dx = c.x() < 8 ? 4 : -4;
                const double dy = c.y() < 8 ? 4 : -4;
                p.drawPolyline(QPolygonF{c + QPointF(dx, 0), c, c + QPointF(0, dy)});
            }
            p.drawEllipse(QPointF(8, 8), 1.5, 1.5);
            break;
        case Glyph::Agency:
            p.drawPolyline(QPolygonF{{2, 8}, {8, 2.5}, {14, 8}});
            p.drawPolyline(QPolygonF{{4, 7}, {4, 13.5}, {12, 13.5}, {12, 7}});
            p.drawRect(QRectF(7, 9.5, 2, 4));
            break;
        case Glyph::Heat: {
            QRadialGradient g(QPointF(8, 8), 7);
            g.setColorAt(0, QColor(0xd7, 0x30, 0x27));
            g.setColorAt(0.5, QColor(0xfe, 0xe0, 0x8b));
            g.setColorAt(1, QColor(0x1a, 0x98, 0x50, 0));
            p.setPen(Qt::NoPen);
            p.setBrush(g);
            p.drawEllipse(QPointF(8, 8), 7, 7);
            break;
        }
        case Glyph::Area:
            pen.setStyle(Qt::DashLine);
            pen.setWidthF(1.3);
            p.setPen(pen);
            p.drawRect(QRectF(2.5, 3.5, 11, 9));
            break;
        case Glyph::ClearArea:
            p.drawLine(QPointF(4, 4), QPointF(12, 12));
            p.drawLine(QPointF(12, 4), QPointF(4, 12));
            break;
        }
        icon.addPixmap(pixmap);
    }
    return icon;
}

// Heat colours: none → green → yellow → red, by accumulated weight.
const std::array<QRgb, 256> &heatPalette()
{
    static const std::array<QRgb, 256> palette = [] {
        std::array<QRgb, 256> colours{};
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
            colours[size_t(i)] = qRgba(mix(a.red(), b.red()), mix(a.green(), b.green()),
                                       mix(a.blue(), b.blue()), alpha);
        }
        return colours;
    }();
    return palette;
}

} // namespace

MapWidget::MapWidget(TileSource *tiles, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("complaintMap"));
    setAccessibleName(tr("Complaint map"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(240, 180);
    setTileSource(tiles);
    buildButtons();
}

void MapWidget::setThumbnail(bool thumbnail)
{
    m_thumbnail = thumbnail;
    m_buttons->setVisible(!thumbnail);
    setFocusPolicy(thumbnail ? Qt::NoFocus : Qt::StrongFocus);
    setMinimumSize(thumbnail ? QSize(80, 60) : QSize(240, 180));
    setCursor(thumbnail ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
}

void MapWidget::hideEvent(QHideEvent *event)
{
    if (m_tiles)
        m_tiles->setWanted({}, this); // nothing shown, nothing to fetch for it
    QWidget::hideEvent(event);
}

void MapWidget::setTileSource(TileSource *tiles)
{
    if (m_tiles) {
        m_tiles->setWanted({}, this);
        disconnect(m_tiles, nullptr, this, nullptr);
    }
    m_tiles = tiles;
    m_pixmaps.clear();
    m_badTiles.clear();
    if (m_tiles) {
        connect(m_tiles, &TileSource::tileArrived, this, [this] { update(); });
        connect(m_tiles, &TileSource::problemChanged, this, [this] { update(); });
    }
    update();
}

void MapWidget::buildButtons()
{
    auto *panel = new QWidget(this);
    m_buttons = panel;
    panel->setObjectName(QStringLiteral("mapButtons"));
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(8, 8, 0, 0);
    layout->setSpacing(2);
    const QColor ink(0x20, 0x20, 0x20);
    QPalette light = palette();
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        light.setColor(group, QPalette::Button, QColor(0xfa, 0xfa, 0xfa));
        light.setColor(group, QPalette::Window, QColor(0xfa, 0xfa, 0xfa));
        light.setColor(group, QPalette::ButtonText, ink);
        light.setColor(group, QPalette::WindowText, ink);
        light.setColor(group, QPalette::Light, Qt::white);
        light.setColor(group, QPalette::Mid, QColor(0xb0, 0xb6, 0xbd));
        light.setColor(group, QPalette::Dark, QColor(0x9a, 0xa3, 0xad));
        light.setColor(group, QPalette::Shadow, QColor(0x60, 0x66, 0x6d));
    }
    const auto add = [&](const char *name, Glyph glyph, const QString &tip) {
        auto *button = new QToolButton(panel);
        button->setObjectName(QString::fromLatin1(name));
        button->setIcon(glyphIcon(glyph, ink));
        button->setIconSize(QSize(16, 16));
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        button->setAutoRaise(false);
        button->setFocusPolicy(Qt::TabFocus);
        // Light whatever the colour scheme, like the map under it (a
        // palette, not a style sheet: those cost a millisecond a frame).
        button->setPalette(light);
        button->setAutoFillBackground(false);
        layout->addWidget(button);
        return button;
    };
    connect(add("mapZoomIn", Glyph::ZoomIn, tr("Zoom in (+)")), &QToolButton::clicked, this,
            [this] { zoomAround(rect().center(), std::floor(m_zoom) + 1); });
    connect(add("mapZoomOut", Glyph::ZoomOut, tr("Zoom out (−)")), &QToolButton::clicked, this,
            [this] { zoomAround(rect().center(), std::ceil(m_zoom) - 1); });
    connect(add("mapFitAll", Glyph::FitAll, tr("Show all (Home)")), &QToolButton::clicked, this,
            &MapWidget::fitAll);
    m_agencyButton = add("mapAgencyArea", Glyph::Agency, tr("My agency's area (G)"));
    m_agencyButton->setVisible(false);
    connect(m_agencyButton, &QToolButton::clicked, this, [this] {
        if (m_agencyArea)
            fitBox(*m_agencyArea);
    });
    layout->addSpacing(6);
    m_heatButton = add("mapHeat", Glyph::Heat, tr("Heat layer (H)"));
    m_heatButton->setCheckable(true);
    m_heatButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_heatButton);
    auto *group = new QActionGroup(menu);
    const QList<QPair<Heat, QString>> heats{{Heat::Off, tr("&Markers")},
                                            {Heat::Count, tr("Heat by &number of complaints")},
                                            {Heat::Votes, tr("Heat by &votes")}};
    for (const auto &[heat, title] : heats) {
        QAction *action = menu->addAction(title);
        action->setCheckable(true);
        action->setChecked(heat == m_heat);
        action->setData(int(heat));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, heat] { setHeat(heat); });
    }
    m_heatButton->setMenu(menu);
    layout->addSpacing(6);
    m_areaButton = add("mapSelectArea", Glyph::Area,
                       tr("Narrow the queue to an area: drag a rectangle (or Shift+drag; "
                          "A: what is in view)"));
    m_areaButton->setCheckable(true);
    connect(m_areaButton, &QToolButton::toggled, this, &MapWidget::setDrawingArea);
    m_clearAreaButton = add("mapClearArea", Glyph::ClearArea, tr("Whole map again (Esc)"));
    m_clearAreaButton->setVisible(false);
    connect(m_clearAreaButton, &QToolButton::clicked, this, [this] {
        setArea(std::nullopt);
        Q_EMIT areaCleared();
    });
    layout->addStretch(1);
    panel->adjustSize();
    panel->move(0, 0);
}

void MapWidget::setHeat(Heat heat)
{
    if (heat == m_heat)
        return;
    m_heat = heat;
    m_heatButton->setChecked(heat != Heat::Off);
    for (QAction *action : m_heatButton->menu()->actions())
        action->setChecked(Heat(action->data().toInt()) == heat);
    update();
}

void MapWidget::setArea(const std::optional<GeoBox> &area, const QList<QPointF> &polygon)
{
    m_area = area;
    m_areaPolygon = area ? polygon : QList<QPointF>{};
    m_clearAreaButton->setVisible(area.has_value());
    m_clearAreaButton->parentWidget()->adjustSize();
    update();
}

void MapWidget::setAgencyArea(const std::optional<GeoBox> &box)
{
    m_agencyArea = box;
    m_agencyButton->setVisible(box.has_value());
    m_agencyButton->parentWidget()->adjustSize();
}

void MapWidget::setDrawingArea(bool on)
{
    m_drawingArea = on;
    if (m_areaButton->isChecked() != on)
        m_areaButton->setChecked(on);
    if (on)
        setCursor(Qt::CrossCursor);
    else
        unsetCursor();
}

void MapWidget::chooseArea(const GeoBox &area, const QList<QPointF> &polygon)
{
    setDrawingArea(false);
    setArea(area, polygon);
    Q_EMIT areaChosen(area);
}

GeoBox MapWidget::boxOf(const QRectF &screen) const
{
    const QRectF r = screen.normalized();
    const QPointF nw = WebMercator::unproject(toWorld(r.topLeft()), m_zoom);
    const QPointF se = WebMercator::unproject(toWorld(r.bottomRight()), m_zoom);
    return {std::max(-90.0, se.x()), std::max(-180.0, nw.y()), std::min(90.0, nw.x()),
            std::min(180.0, se.y())};
}

QColor MapWidget::stateColor(ComplaintState state)
{
    switch (state) {
    case ComplaintState::Moderation:
        return {0x8e, 0x8e, 0x93};
    case ComplaintState::Published:
        return {0x00, 0x6f, 0xd6};
    case ComplaintState::InProgress:
        return {0xe6, 0x8a, 0x00};
    case ComplaintState::Contested:
        return {0xc2, 0x18, 0x5b};
    case ComplaintState::Solved:
    case ComplaintState::Confirmed:
        return {0x2e, 0x7d, 0x32};
    case ComplaintState::Refused:
    case ComplaintState::Rejected:
    case ComplaintState::Duplicate:
        return {0x5d, 0x40, 0x37};
    }
    return Qt::gray;
}

void MapWidget::setPoints(const QList<ClusterIndex::Point> &points)
{
    m_points = points;
    m_selectedPoint.reset();
    for (const auto &p : points) {
        if (p.complaint.id == m_selected)
            m_selectedPoint = p;
    }
    m_index.build(points);
    update();
}

void MapWidget::setView(double latitude, double longitude, double zoom)
{
    m_latitude = std::clamp(latitude, -WebMercator::MaxLatitude, WebMercator::MaxLatitude);
    m_longitude = std::clamp(longitude, -180.0, 180.0);
    m_zoom = std::clamp(zoom, MinZoom, MaxZoom);
    update();
    Q_EMIT viewChanged();
}

void MapWidget::fitAll()
{
    if (m_points.isEmpty())
        return;
    GeoBox box = GeoBox::nothing();
    for (const auto &p : std::as_const(m_points))
        box.include(p.complaint.latitude, p.complaint.longitude);
    fitBox(box);
}

void MapWidget::fitBox(const GeoBox &box)
{
    double zoom = MaxZoom - 1;
    while (zoom > MinZoom) {
        const QPointF nw = WebMercator::project(box.north, box.west, zoom);
        const QPointF se = WebMercator::project(box.south, box.east, zoom);
        if (se.x() - nw.x() <= width() - 40 && se.y() - nw.y() <= height() - 40)
            break;
        zoom -= 0.25;
    }
    const QPointF centre =
        WebMercator::unproject((WebMercator::project(box.north, box.west, zoom) +
                                WebMercator::project(box.south, box.east, zoom)) /
                                   2,
                               zoom);
    setView(centre.x(), centre.y(), zoom);
}

void MapWidget::showComplaint(qint64 id)
{
    for (const auto &p : std::as_const(m_points)) {
        if (p.complaint.id == id) {
            m_selected = id;
            m_selectedPoint = p;
            setView(p.complaint.latitude, p.complaint.longitude, std::max(m_zoom, 15.0));
            return;
        }
    }
}

QPointF MapWidget::toWorld(const QPointF &screen) const
{
    return WebMercator::project(m_latitude, m_longitude, m_zoom) + screen -
           QPointF(width() / 2.0, height() / 2.0);
}

QPointF MapWidget::toScreen(double latitude, double longitude) const
{
    return WebMercator::project(latitude, longitude, m_zoom) -
           WebMercator::project(m_latitude, m_longitude, m_zoom) +
           QPointF(width() / 2.0, height() / 2.0);
}

GeoBox MapWidget::viewBox() const
{
    return boxOf(QRectF(0, 0, width(), height()));
}

int MapWidget::clusterZoom() const
{
    return std::clamp(int(std::floor(m_zoom)), 0, m_index.maxZoom());
}

QPointF MapWidget::markerAt(const ClusterIndex::Cluster &c) const
{
    const QPointF at = toScreen(c.latitude, c.longitude);
    if (c.single())
        return at; // a complaint is drawn where it is
    // A cluster at its centroid, kept inside its own cell so that
    // neighbouring clusters never cover each other.
    const double r = radiusOf(c);
    const double scale = std::exp2(m_zoom - clusterZoom());
    const QRectF cell = m_index.cellRect(c.cellKey);
    const QPointF offset =
        toScreen(m_latitude, m_longitude) - WebMercator::project(m_latitude, m_longitude, m_zoom);
    QRectF screenCell(cell.topLeft() * scale + offset, cell.size() * scale);
    const double inset = std::min(r, screenCell.width() / 2);
    screenCell.adjust(inset, inset, -inset, -inset);
    return {std::clamp(at.x(), screenCell.left(), screenCell.right()),
            std::clamp(at.y(), screenCell.top(), screenCell.bottom())};
}

double MapWidget::radiusOf(const ClusterIndex::Cluster &c) const
{
    // Whole pixels, so that a few marker pictures serve every size.
    if (c.single())
        return 5.0 + std::round(std::min(5.0, std::log2(1.0 + c.votes) / 1.5));
    return 10.0 + std::round(std::min(14.0, std::log2(double(c.count)) * 2.0));
}

void MapWidget::zoomAround(const QPointF &screen, double newZoom)
{
    newZoom = std::clamp(newZoom, MinZoom, MaxZoom);
    // Keep the place under the pointer where it is.
    const QPointF place = WebMercator::unproject(toWorld(screen), m_zoom);
    const QPointF placeWorld = WebMercator::project(place.x(), place.y(), newZoom);
    const QPointF centreWorld = placeWorld - (screen - QPointF(width() / 2.0, height() / 2.0));
    const QPointF centre = WebMercator::unproject(centreWorld, newZoom);
    setView(centre.x(), centre.y(), newZoom);
}

void MapWidget::panBy(const QPointF &pixels)
{
    const QPointF centre = WebMercator::unproject(
        WebMercator::project(m_latitude, m_longitude, m_zoom) + pixels, m_zoom);
    setView(centre.x(), centre.y(), m_zoom);
}

std::optional<QPixmap> MapWidget::tilePixmap(const TileId &tile)
{
    if (QPixmap *cached = m_pixmaps.object(tile))
        return *cached;
    if (!m_tiles || m_badTiles.contains(tile))
        return std::nullopt;
    const auto bytes = m_tiles->tile(tile);
    if (!bytes)
        return std::nullopt;
    QPixmap pixmap;
    if (!pixmap.loadFromData(*bytes)) {
        m_badTiles.insert(tile); // corrupt image: shown as missing, never retried this session
        return std::nullopt;
    }
    m_pixmaps.insert(tile, new QPixmap(pixmap));
    return pixmap;
}

bool MapWidget::paintTiles(QPainter &painter)
{
    if (!m_tiles)
        return false;
    const int tz = std::clamp(int(std::round(m_zoom)), m_tiles->minZoom(), m_tiles->maxZoom());
    const double scale = std::exp2(m_zoom - tz);
    const double size = WebMercator::TileSize * scale;
    const QPointF origin = toWorld({0, 0}) / scale; // world pixels at tz
    const int first = int(std::floor(origin.x() / WebMercator::TileSize));
    const int top = int(std::floor(origin.y() / WebMercator::TileSize));
    const int columns = int(std::ceil(width() / size)) + 1;
    const int rows = int(std::ceil(height() / size)) + 1;
    const int side = 1 << tz;
    QSet<TileId> wanted;
    for (int r = 0; r <= rows; ++r) {
        for (int c = 0; c <= columns; ++c) {
            const TileId t{tz, first + c, top + r};
            if (t.x >= 0 && t.y >= 0 && t.x < side && t.y < side)
                wanted.insert(t);
        }
    }
    m_tiles->setWanted(wanted, this);
    bool any = false;
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    for (const TileId &t : std::as_const(wanted)) {
        const QRectF target((t.x * WebMercator::TileSize - origin.x()) * scale,
                            (t.y * WebMercator::TileSize - origin.y()) * scale, size, size);
        if (const auto pixmap = tilePixmap(t)) {
            painter.drawPixmap(target, *pixmap, pixmap->rect());
            any = true;
            continue;
        }
        // While it loads: the nearest cached ancestor, scaled up.
        TileId parent = t;
        for (int up = 1; up <= 4 && parent.z > 0; ++up) {
            parent = parent.parent();
            if (const auto pixmap = tilePixmap(parent)) {
                const double part = double(pixmap->width()) / (1 << up);
                const QRectF source((t.x - (parent.x << up)) * part,
                                    (t.y - (parent.y << up)) * part, part, part);
                painter.drawPixmap(target, *pixmap, source);
                any = true;
                break;
            }
        }
    }
    return any;
}

void MapWidget::paintGraticule(QPainter &painter)
{
    // Lines every 0.01° to 10°, whichever gives 60–200 px between them.
    double step = 10.0;
    for (const double s : {10.0, 5.0, 1.0, 0.5, 0.1, 0.05, 0.01, 0.005, 0.001}) {
        step = s;
        const double px =
            WebMercator::project(0, s, m_zoom).x() - WebMercator::project(0, 0, m_zoom).x();
        if (px < 200)
            break;
    }
    const GeoBox box = viewBox();
    painter.setPen(QPen(QColor(0xc8, 0xd0, 0xd8), 1));
    for (double lon = std::floor(box.west / step) * step; lon <= box.east; lon += step) {
        const double x = toScreen(m_latitude, lon).x();
        painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    }
    for (double lat = std::floor(box.south / step) * step; lat <= box.north; lat += step) {
        const double y = toScreen(lat, m_longitude).y();
        painter.drawLine(QPointF(0, y), QPointF(width(), y));
    }
}

bool MapWidget::markersShown(const ClusterIndex::Cluster &cluster) const
{
    // Over the heat layer only single complaints, and only close in.
    return m_heat == Heat::Off || (cluster.single() && m_zoom >= SingleMarkersInHeatFrom);
}

const QPixmap &MapWidget::markerSprite(const ClusterIndex::Cluster &c, double r)
{
    // Markers repeat frame after frame and across the map: each look is
    // drawn once, at the screen's pixel ratio (crisp on high-DPI), and then
    // only copied. The key holds everything that changes the picture; the
    // overdue arc is drawn in sixteenths so that few pictures serve all.
    const qreal ratio = devicePixelRatioF();
    if (ratio != m_spriteRatio || m_sprites.size() > 2000 || m_labelSprites.size() > 4000) {
        m_sprites.clear();
        m_labelSprites.clear();
        m_spriteRatio = ratio;
    }
    const int overdueShare =
        c.single() ? (c.overdue ? 1 : 0)
                   : (c.overdue ? std::max(1, int(std::lround(16.0 * c.overdue / c.count))) : 0);
    const quint64 key = (quint64(std::lround(r * 2) & 0xff) << 24) |
                        (quint64(overdueShare & 0x1f) << 18) | (quint64(c.drafts > 0) << 17) |
                        (quint64(c.single()) << 16) |
                        (c.single() ? quint64(int(c.state) & 0xff) : 0);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;

    const int side = int(std::ceil(2 * r + 10));
    QPixmap sprite(QSize(side, side) * ratio);
    sprite.setDevicePixelRatio(ratio);
    sprite.fill(Qt::transparent);
    QPainter painter(&sprite);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPointF at(side / 2.0, side / 2.0);
    if (c.single()) {
        painter.setPen(QPen(c.overdue ? OverdueRing : Qt::white, c.overdue ? 2.5 : 1.5));
        painter.setBrush(stateColor(c.state));
        painter.drawEllipse(at, r, r);
    } else {
        painter.setPen(QPen(Qt::white, 2));
        painter.setBrush(QColor(0x1f, 0x4e, 0x79));
        painter.drawEllipse(at, r, r);
        if (overdueShare > 0) { // a red arc: the overdue share
            painter.setPen(QPen(OverdueRing, 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawArc(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), 90 * 16,
                            -360 * overdueShare);
        }
    }
    if (c.drafts > 0) { // the user's own unsent work: a badge, top right
        painter.setPen(QPen(Qt::white, 1.2));
        painter.setBrush(DraftBadge);
        const QPointF badge = at + QPointF(r * 0.75, -r * 0.75);
        painter.drawRect(QRectF(badge - QPointF(3.5, 3.5), QSizeF(7, 7)));
    }
    painter.end();
    return *m_sprites.insert(key, sprite);
}

const QPixmap &MapWidget::labelSprite(int count)
{
    auto it = m_labelSprites.find(count);
    if (it != m_labelSprites.end())
        return *it;
    QFont countFont = font();
    countFont.setBold(true);
    countFont.setPixelSize(11);
    const QString text =
        count >= 10000 ? QStringLiteral("%1k").arg(count / 1000) : QString::number(count);
    const QFontMetrics metrics(countFont);
    const QSize size(metrics.horizontalAdvance(text) + 2, metrics.height());
    QPixmap sprite(size * m_spriteRatio);
    sprite.setDevicePixelRatio(m_spriteRatio);
    sprite.fill(Qt::transparent);
    QPainter painter(&sprite);
    painter.setFont(countFont);
    painter.setPen(Qt::white);
    painter.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter, text);
    painter.end();
    return *m_labelSprites.insert(count, sprite);
}

void MapWidget::paintMarkers(QPainter &painter)
{
    const auto drawCentred = [&painter](const QPointF &at, const QPixmap &sprite) {
        // Whole pixels: a plain copy, no resampling.
        const QSizeF size = sprite.deviceIndependentSize();
        painter.drawPixmap(QPoint(int(std::lround(at.x() - size.width() / 2)),
                                  int(std::lround(at.y() - size.height() / 2))),
                           sprite);
    };
    const auto ring = [&painter](const QPointF &at, double r) {
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(Qt::black, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(at, r + 4, r + 4);
    };
    bool selectedShown = false;
    const QList<ClusterIndex::Cluster> clusters = m_index.clusters(viewBox(), clusterZoom());
    for (const auto &c : clusters) {
        if (!markersShown(c))
            continue;
        const QPointF at = markerAt(c);
        const double r = radiusOf(c);
        drawCentred(at, markerSprite(c, r));
        if (!c.single()) {
            drawCentred(at, labelSprite(c.count));
        } else if (c.id == m_selected) {
            ring(at, r);
            selectedShown = true;
        }
    }
    // The complaint open in the desk stays in sight inside a cluster or
    // over the heat layer: drawn on its own, on top.
    if (!selectedShown && m_selectedPoint && m_selectedPoint->complaint.id == m_selected) {
        ClusterIndex::Cluster own;
        own.count = 1;
        own.id = m_selected;
        own.state = m_selectedPoint->complaint.state;
        own.votes = m_selectedPoint->complaint.votes;
        own.overdue = m_selectedPoint->overdue ? 1 : 0;
        own.drafts = m_selectedPoint->complaint.hasDraft ? 1 : 0;
        const QPointF at =
            toScreen(m_selectedPoint->complaint.latitude, m_selectedPoint->complaint.longitude);
        const double r = radiusOf(own);
        drawCentred(at, markerSprite(own, r));
        ring(at, r);
    }
}

void MapWidget::paintHeat(QPainter &painter)
{
    // A density surface at a quarter of the size, scaled up: smooth, and
    // cheap at any zoom. Each cell of a finer cluster level adds a soft
    // (quartic) bump weighed by its count or votes; the surface is scaled
    // to its highest point in view and coloured through heatPalette().
    constexpr int Factor = 4;
    const int w = (width() + Factor - 1) / Factor;
    const int h = (height() + Factor - 1) / Factor;
    m_density.assign(size_t(w) * size_t(h), 0.0f);
    const int zoom = std::min(clusterZoom() + 2, m_index.maxZoom());
    const double cell = m_index.cellPixels() * std::exp2(m_zoom - zoom);
    const double radius = std::max(3.0, cell * 1.5 / Factor);
    const double margin = radius * Factor;
    const GeoBox around =
        boxOf(QRectF(-margin, -margin, width() + 2 * margin, height() + 2 * margin));
    // One kernel for every bump of this frame (they share the radius);
    // bumps sit on whole small pixels (four screen pixels: not visible).
    const int reach = int(std::ceil(radius));
    const int span = 2 * reach + 1;
    m_heatKernel.resize(size_t(span) * size_t(span));
    for (int dy = -reach; dy <= reach; ++dy) {
        for (int dx = -reach; dx <= reach; ++dx) {
            const double k = std::max(0.0, 1.0 - (dx * dx + dy * dy) / (radius * radius));
            m_heatKernel[size_t(dy + reach) * size_t(span) + size_t(dx + reach)] = float(k * k);
        }
    }
    for (const auto &c : m_index.clusters(around, zoom)) {
        const float weight = float(m_heat == Heat::Votes ? double(c.votes) : double(c.count));
        if (weight <= 0)
            continue;
        const QPointF at = toScreen(c.latitude, c.longitude) / Factor;
        const int cx = int(std::lround(at.x()));
        const int cy = int(std::lround(at.y()));
        const int fromX = std::max(0, cx - reach);
        const int toX = std::min(w - 1, cx + reach);
        if (fromX > toX)
            continue;
        for (int y = std::max(0, cy - reach); y <= std::min(h - 1, cy + reach); ++y) {
            float *row = m_density.data() + size_t(y) * size_t(w);
            const float *kernel = m_heatKernel.data() + size_t(y - cy + reach) * size_t(span) +
                                  size_t(fromX - cx + reach);
            for (int x = fromX; x <= toX; ++x)
                row[x] += weight * kernel[x - fromX];
        }
    }
    const float highest =
        m_density.empty() ? 0.0f : *std::max_element(m_density.begin(), m_density.end());
    // A square root spreads the colours: a few hot spots do not leave
    // everything else pale.
    m_heatLevels.resize(size_t(w) * size_t(h));
    for (size_t i = 0; i < m_density.size(); ++i)
        m_heatLevels[i] =
            quint8(highest > 0 ? std::lround(std::sqrt(m_density[i] / highest) * 255.0f) : 0);
    // Up to half the size by bilinear interpolation of the levels, across
    // each small row first, then between rows, then coloured; the last
    // doubling is a plain pixel copy (on a surface this smooth it does not
    // show, and Qt's smooth scaling of the whole would cost five times as
    // much).
    constexpr int Half = Factor / 2;
    const int wideWidth = w * Half;
    const int wideHeight = h * Half;
    if (m_heatImage.size() != QSize(wideWidth, wideHeight))
        m_heatImage = QImage(wideWidth, wideHeight, QImage::Format_ARGB32_Premultiplied);
    const auto &palette = heatPalette();
    m_heatWide.resize(size_t(h) * size_t(wideWidth));
    for (int x = 0; x < wideWidth; ++x) {
        const double sx = std::clamp((x + 0.5) / Half - 0.5, 0.0, double(w - 1));
        const int left = int(sx);
        const int right = std::min(left + 1, w - 1);
        const quint32 f = quint32((sx - left) * 256);
        for (int y = 0; y < h; ++y) {
            const quint8 *row = m_heatLevels.data() + size_t(y) * size_t(w);
            m_heatWide[size_t(y) * size_t(wideWidth) + size_t(x)] =
                quint16(row[left] * (256 - f) + row[right] * f); // level × 256
        }
    }
    for (int y = 0; y < wideHeight; ++y) {
        const double sy = std::clamp((y + 0.5) / Half - 0.5, 0.0, double(h - 1));
        const int y0 = int(sy);
        const int y1 = std::min(y0 + 1, h - 1);
        const quint32 fy = quint32((sy - y0) * 256);
        const quint16 *top = m_heatWide.data() + size_t(y0) * size_t(wideWidth);
        const quint16 *bottom = m_heatWide.data() + size_t(y1) * size_t(wideWidth);
        auto *line = reinterpret_cast<QRgb *>(m_heatImage.scanLine(y));
        for (int x = 0; x < wideWidth; ++x)
            line[x] = palette[(top[x] * (256 - fy) + bottom[x] * fy) >> 16];
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QRectF(0, 0, wideWidth * 2.0, wideHeight * 2.0), m_heatImage);
}

void MapWidget::paintArea(QPainter &painter)
{
    const auto rectOf = [this](const GeoBox &box) {
        return QRectF(toScreen(box.north, box.west), toScreen(box.south, box.east));
    };
    painter.setRenderHint(QPainter::Antialiasing, false);
    if (m_area) {
        // Outside the area a light veil; the area itself outlined.
        QPainterPath area;
        if (m_areaPolygon.isEmpty()) {
            area.addRect(rectOf(*m_area));
        } else {
            QPolygonF shape;
            for (const QPointF &p : std::as_const(m_areaPolygon))
                shape << toScreen(p.x(), p.y());
            area.addPolygon(shape);
            area.closeSubpath();
        }
        QPainterPath veil;
        veil.addRect(rect());
        painter.fillPath(veil.subtracted(area), QColor(255, 255, 255, 90));
        painter.setRenderHint(QPainter::Antialiasing, !m_areaPolygon.isEmpty());
        painter.setPen(QPen(QColor(0x1f, 0x4e, 0x79), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(area);
    }
    if (m_areaDrag && m_dragging) {
        painter.setPen(QPen(QColor(0x1f, 0x4e, 0x79), 1.5, Qt::DashLine));
        painter.setBrush(QColor(0x1f, 0x4e, 0x79, 30));
        if (m_lassoDrag)
            painter.drawPolygon(m_lasso);
        else
            painter.drawRect(QRectF(m_pressedAt, m_dragFrom).normalized());
    }
}

void MapWidget::paintOverlay(QPainter &painter, bool haveTiles)
{
    painter.setRenderHint(QPainter::Antialiasing, false);
    QFont small = font();
    small.setPixelSize(11);
    painter.setFont(small);
    const QFontMetrics metrics(small);
    const QColor panel(255, 255, 255, 225);

    // Attribution, bottom right, always (when the source has one).
    const QString attribution = m_tiles ? m_tiles->attribution() : QString();
    if (!attribution.isEmpty()) {
        const QRect box = metrics.boundingRect(attribution).adjusted(-4, -2, 4, 2);
        const QRect at(width() - box.width(), height() - box.height(), box.width(), box.height());
        painter.fillRect(at, panel);
        painter.setPen(Qt::black);
        painter.drawText(at, Qt::AlignCenter, attribution);
    }

    if (m_thumbnail)
        return; // a thumbnail: the attribution only

    // Scale bar, bottom left: a round length of about 100 px.
    const double metres = WebMercator::metresPerPixel(m_latitude, m_zoom) * 100;
    const double magnitude = std::pow(10.0, std::floor(std::log10(metres)));
    double length = magnitude;
    for (const double f : {5.0, 2.0, 1.0}) {
        if (f * magnitude <= metres) {
            length = f * magnitude;
            break;
        }
    }
    const int px = int(length / WebMercator::metresPerPixel(m_latitude, m_zoom));
    const QString label = length >= 1000 ? tr("%1 km").arg(length / 1000) : tr("%1 m").arg(length);
    const QRect scaleBox(8, height() - 34, std::max(px, metrics.horizontalAdvance(label)) + 8, 26);
    painter.fillRect(scaleBox, panel);
    painter.setPen(QPen(Qt::black, 2));
    const int y = scaleBox.bottom() - 5;
    painter.drawLine(12, y, 12 + px, y);
    painter.drawLine(12, y - 4, 12, y);
    painter.drawLine(12 + px, y - 4, 12 + px, y);
    painter.drawText(QRect(12, scaleBox.top() + 1, scaleBox.width(), 14), Qt::AlignLeft, label);

    // Legend, top right.
    const QList<QPair<QString, ComplaintState>> legend{
        {QueueModel::stateName(ComplaintState::Moderation), ComplaintState::Moderation},
        {QueueModel::stateName(ComplaintState::Published), ComplaintState::Published},
        {QueueModel::stateName(ComplaintState::InProgress), ComplaintState::InProgress},
        {QueueModel::stateName(ComplaintState::Contested), ComplaintState::Contested},
        {QueueModel::stateName(ComplaintState::Solved), ComplaintState::Solved},
        {tr("Closed without a fix"), ComplaintState::Refused}};
    const QString heatTitle = m_heat == Heat::Votes ? tr("Heat: votes") : tr("Heat: complaints");
    const QStringList extras{tr("Overdue"), tr("Your draft"), tr("Larger: more votes")};
    int legendWidth = 0;
    for (const QString &extra : extras)
        legendWidth = std::max(legendWidth, metrics.horizontalAdvance(extra));
    for (const auto &[name, state] : legend)
        legendWidth = std::max(legendWidth, metrics.horizontalAdvance(name));
    if (m_heat != Heat::Off)
        legendWidth = std::max(legendWidth, metrics.horizontalAdvance(heatTitle));
    const int line = metrics.height() + 3;
    const int rows = int(legend.size() + extras.size()) + (m_heat != Heat::Off ? 2 : 0);
    const QRect legendBox(width() - legendWidth - 34, 8, legendWidth + 26, line * rows + 8);
    painter.fillRect(legendBox, panel);
    painter.setRenderHint(QPainter::Antialiasing, true);
    int row = legendBox.top() + 4;
    for (const auto &[name, state] : legend) {
        painter.setPen(QPen(Qt::white, 1));
        painter.setBrush(stateColor(state));
        painter.drawEllipse(QPointF(legendBox.left() + 11, row + line / 2.0), 5, 5);
        painter.setPen(Qt::black);
        painter.drawText(QRect(legendBox.left() + 22, row, legendWidth + 4, line), Qt::AlignVCenter,
                         name);
        row += line;
    }
    const auto legendText = [&](const QString &text) {
        painter.setPen(Qt::black);
        painter.drawText(QRect(legendBox.left() + 22, row, legendWidth + 4, line), Qt::AlignVCenter,
                         text);
        row += line;
    };
    const QPointF mark(legendBox.left() + 11, 0);
    painter.setPen(QPen(OverdueRing, 2.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(mark + QPointF(0, row + line / 2.0), 5, 5);
    legendText(extras[0]);
    painter.setPen(QPen(Qt::white, 1.2));
    painter.setBrush(DraftBadge);
    painter.drawRect(QRectF(mark + QPointF(-3.5, row + line / 2.0 - 3.5), QSizeF(7, 7)));
    legendText(extras[1]);
    painter.setPen(QPen(Qt::white, 1));
    painter.setBrush(stateColor(ComplaintState::Published));
    painter.drawEllipse(mark + QPointF(-4, row + line / 2.0), 2.5, 2.5);
    painter.drawEllipse(mark + QPointF(3.5, row + line / 2.0), 4.5, 4.5);
    legendText(extras[2]);
    if (m_heat != Heat::Off) {
        painter.setPen(Qt::black);
        painter.drawText(QRect(legendBox.left() + 6, row, legendWidth + 20, line), Qt::AlignVCenter,
                         heatTitle);
        row += line;
        QLinearGradient ramp(legendBox.left() + 6, 0, legendBox.right() - 6, 0);
        const auto &palette = heatPalette();
        for (const int i : {30, 90, 150, 200, 255})
            ramp.setColorAt((i - 30) / 225.0, QColor::fromRgba(palette[size_t(i)]));
        painter.fillRect(QRectF(legendBox.left() + 6, row + 3, legendBox.width() - 12, line - 8),
                         ramp);
    }

    // No tiles: say so in one line, at the top between the buttons and the
    // legend (the map works all the same).
    if (!haveTiles) {
        const QString notice =
            m_tiles && !m_tiles->problem().isEmpty()
                ? m_tiles->problem()
                : (m_tiles ? tr("Map tiles are loading, or none are available offline for this "
                                "area; the complaints are shown all the same.")
                           : tr("No map tiles configured; the complaints are shown on a grid."));
        const int left = 48;
        const int room = std::max(60, legendBox.left() - left - 8);
        const QString shown = metrics.elidedText(notice, Qt::ElideRight, room - 12);
        const QRect box(left, 8, metrics.horizontalAdvance(shown) + 12, metrics.height() + 8);
        painter.fillRect(box, panel);
        painter.setPen(Qt::black);
        painter.drawText(box, Qt::AlignCenter, shown);
    }
}

void MapWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0xee, 0xf0, 0xf2));
    const bool haveTiles = paintTiles(painter);
    if (!haveTiles)
        paintGraticule(painter);
    if (m_heat != Heat::Off)
        paintHeat(painter);
    paintMarkers(painter);
    paintArea(painter);
    paintOverlay(painter, haveTiles);
    if (hasFocus()) {
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(palette().highlight(), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect().adjusted(1, 1, -1, -1));
    }
}

std::optional<ClusterIndex::Cluster> MapWidget::clusterAt(const QPointF &screen) const
{
    std::optional<ClusterIndex::Cluster> best;
    double bestDistance = 1e9;
    for (const auto &c : m_index.clusters(viewBox(), clusterZoom())) {
        if (!markersShown(c))
            continue;
        const double d = QLineF(markerAt(c), screen).length();
        if (d <= radiusOf(c) + 2 && d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

void MapWidget::wheelEvent(QWheelEvent *event)
{
    if (m_thumbnail) {
        event->ignore(); // the view scrolls, the picture stays
        return;
    }
    zoomAround(event->position(), m_zoom + event->angleDelta().y() / 240.0);
    event->accept();
}

void MapWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragFrom = event->position();
        m_pressedAt = event->position();
        m_dragging = false;
        // Ctrl+drag: a free-form area (lasso); Shift+drag or the area
        // button: a rectangle.
        m_lassoDrag = event->modifiers() & Qt::ControlModifier;
        m_areaDrag = m_drawingArea || m_lassoDrag || (event->modifiers() & Qt::ShiftModifier);
        m_lasso = QPolygonF{event->position()};
    }
}

void MapWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_thumbnail)
        return;
    if (event->buttons() & Qt::LeftButton) {
        const QPointF delta = event->position() - m_dragFrom;
        if (m_dragging || delta.manhattanLength() > 4) {
            m_dragging = true;
            if (m_areaDrag) {
                m_dragFrom = event->position();
                if (m_lassoDrag && QLineF(m_lasso.last(), m_dragFrom).length() >= 4)
                    m_lasso << m_dragFrom;
                update();
                return;
            }
            panBy(-delta);
            m_dragFrom = event->position();
            setCursor(Qt::ClosedHandCursor);
        }
    }
}

void MapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_thumbnail) {
        if (event->button() == Qt::LeftButton)
            Q_EMIT clicked();
        return;
    }
    if (!m_drawingArea)
        unsetCursor();
    if (event->button() == Qt::LeftButton && m_areaDrag && m_dragging) {
        m_areaDrag = false;
        m_dragging = false;
        if (m_lassoDrag) {
            m_lasso << event->position();
            const QRectF bounds = m_lasso.boundingRect();
            if (m_lasso.size() >= 3 && bounds.width() >= 8 && bounds.height() >= 8) {
                QList<QPointF> polygon;
                for (const QPointF &p : std::as_const(m_lasso))
                    polygon << WebMercator::unproject(toWorld(p), m_zoom);
                chooseArea(boxOf(bounds), polygon);
            }
            m_lassoDrag = false;
            update();
            return;
        }
        const QRectF drawn = QRectF(m_pressedAt, event->position()).normalized();
        if (drawn.width() >= 8 && drawn.height() >= 8)
            chooseArea(boxOf(drawn));
        update();
        return;
    }
    m_areaDrag = false;
    if (event->button() != Qt::LeftButton || m_dragging) {
        m_dragging = false;
        return;
    }
    const auto cluster = clusterAt(event->position());
    if (!cluster)
        return;
    if (cluster->single()) {
        m_selected = cluster->id;
        m_selectedPoint.reset();
        for (const auto &p : std::as_const(m_points)) {
            if (p.complaint.id == m_selected)
                m_selectedPoint = p;
        }
        update();
        Q_EMIT complaintActivated(cluster->id);
        return;
    }
    const int to = m_index.expansionZoom(*cluster, clusterZoom());
    setView(cluster->latitude, cluster->longitude, std::min<double>(to, MaxZoom));
}

void MapWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_thumbnail)
        return;
    zoomAround(event->position(), std::floor(m_zoom) + 1);
}

void MapWidget::keyPressEvent(QKeyEvent *event)
{
    const double step = 120;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAround(rect().center(), std::floor(m_zoom) + 1);
        break;
    case Qt::Key_Minus:
        zoomAround(rect().center(), std::ceil(m_zoom) - 1);
        break;
    case Qt::Key_Left:
        panBy({-step, 0});
        break;
    case Qt::Key_Right:
        panBy({step, 0});
        break;
    case Qt::Key_Up:
        panBy({0, -step});
        break;
    case Qt::Key_Down:
        panBy({0, step});
        break;
    case Qt::Key_Home:
        fitAll();
        break;
    case Qt::Key_G:
        if (m_agencyArea)
            fitBox(*m_agencyArea);
        break;
    case Qt::Key_H: // markers → heat by count → heat by votes → markers
        setHeat(m_heat == Heat::Off ? Heat::Count
                                    : (m_heat == Heat::Count ? Heat::Votes : Heat::Off));
        break;
    case Qt::Key_A:
        chooseArea(viewBox());
        break;
    case Qt::Key_Escape:
        if (m_drawingArea) {
            setDrawingArea(false);
        } else if (m_area) {
            setArea(std::nullopt);
            Q_EMIT areaCleared();
        } else {
            QWidget::keyPressEvent(event);
            return;
        }
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool MapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && !m_thumbnail) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto cluster = clusterAt(help->pos());
        if (!cluster) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const QString text =
            cluster->single()
                ? tr("No. %1 · %2 · votes: %3%4")
                      .arg(cluster->id)
                      .arg(QueueModel::stateName(cluster->state))
                      .arg(cluster->votes)
                      .arg(cluster->overdue ? tr(" · overdue") : QString())
                : tr("%n complaint(s) · %1 overdue · click to zoom in", "", cluster->count)
                      .arg(cluster->overdue);
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace rd
