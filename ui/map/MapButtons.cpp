#include "MapButtons.h"

#include <QActionGroup>
#include <QMenu>
#include <QPainter>
#include <QRadialGradient>
#include <QToolButton>
#include <QVBoxLayout>

namespace rd {

namespace {

const QColor Ink(0x20, 0x20, 0x20);
const QColor DarkInk(0xe6, 0xe6, 0xe6);

QPalette buttonPalette(QPalette palette, bool dark)
{
    const QColor face = dark ? QColor(0x3a, 0x3d, 0x41) : QColor(0xfa, 0xfa, 0xfa);
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        palette.setColor(group, QPalette::Button, face);
        palette.setColor(group, QPalette::Window, face);
        palette.setColor(group, QPalette::ButtonText, dark ? DarkInk : Ink);
        palette.setColor(group, QPalette::WindowText, dark ? DarkInk : Ink);
        palette.setColor(group, QPalette::Light, dark ? QColor(0x55, 0x59, 0x5e) : Qt::white);
        palette.setColor(group, QPalette::Mid,
                         dark ? QColor(0x2a, 0x2c, 0x2f) : QColor(0xb0, 0xb6, 0xbd));
        palette.setColor(group, QPalette::Dark,
                         dark ? QColor(0x1e, 0x1f, 0x22) : QColor(0x9a, 0xa3, 0xad));
        palette.setColor(group, QPalette::Shadow,
                         dark ? QColor(0x10, 0x10, 0x12) : QColor(0x60, 0x66, 0x6d));
    }
    return palette;
}

} // namespace

QIcon MapButtons::glyphIcon(Glyph glyph, const QColor &ink)
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

MapButtons::MapButtons(QWidget *map)
    : QWidget(map)
    , m_layout(new QVBoxLayout(this))
    , m_colours(buttonPalette(map->palette(), false))
{
    setObjectName(QStringLiteral("mapButtons"));
    m_layout->setContentsMargins(8, 8, 0, 0);
    m_layout->setSpacing(2);
    connect(add("mapZoomIn", Glyph::ZoomIn, tr("Zoom in (+)")), &QToolButton::clicked, this,
            &MapButtons::zoomInClicked);
    connect(add("mapZoomOut", Glyph::ZoomOut, tr("Zoom out (−)")), &QToolButton::clicked, this,
            &MapButtons::zoomOutClicked);
    connect(add("mapFitAll", Glyph::FitAll, tr("Show all (Home)")), &QToolButton::clicked, this,
            &MapButtons::fitAllClicked);
    m_agencyButton = add("mapAgencyArea", Glyph::Agency, tr("My agency's area (G)"));
    m_agencyButton->setVisible(false);
    connect(m_agencyButton, &QToolButton::clicked, this, &MapButtons::agencyAreaClicked);
    m_layout->addSpacing(6);
    m_heatButton = add("mapHeat", Glyph::Heat, tr("Heat layer (H)"));
    m_heatButton->setCheckable(true);
    m_heatButton->setPopupMode(QToolButton::InstantPopup);
    m_heatButton->setMenu(heatMenu());
    m_layout->addSpacing(6);
    m_areaButton = add("mapSelectArea", Glyph::Area,
                       tr("Narrow the queue to an area: drag a rectangle (or Shift+drag; "
                          "A: what is in view)"));
    m_areaButton->setCheckable(true);
    connect(m_areaButton, &QToolButton::toggled, this, &MapButtons::drawingAreaToggled);
    m_clearAreaButton = add("mapClearArea", Glyph::ClearArea, tr("Whole map again (Esc)"));
    m_clearAreaButton->setVisible(false);
    connect(m_clearAreaButton, &QToolButton::clicked, this, &MapButtons::clearAreaClicked);
    m_layout->addStretch(1);
    adjustSize();
    move(0, 0);
}

QToolButton *MapButtons::add(const char *name, Glyph glyph, const QString &tip)
{
    auto *button = new QToolButton(this);
    button->setObjectName(QString::fromLatin1(name));
    button->setIcon(glyphIcon(glyph, m_dark ? DarkInk : Ink));
    button->setIconSize(QSize(16, 16));
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    button->setAutoRaise(false);
    button->setFocusPolicy(Qt::TabFocus);
    // A palette, not a style sheet: those cost a millisecond a frame.
    button->setPalette(m_colours);
    button->setAutoFillBackground(false);
    m_layout->addWidget(button);
    m_glyphs.append({button, glyph});
    return button;
}

void MapButtons::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    m_colours = buttonPalette(parentWidget()->palette(), dark);
    for (const auto &[button, glyph] : std::as_const(m_glyphs)) {
        button->setPalette(m_colours);
        button->setIcon(glyphIcon(glyph, dark ? DarkInk : Ink));
    }
}

QMenu *MapButtons::heatMenu()
{
    auto *menu = new QMenu(m_heatButton);
    auto *group = new QActionGroup(menu);
    const QStringList titles{tr("&Markers"), tr("Heat by &number of complaints"),
                             tr("Heat by &votes")};
    for (int heat = 0; heat < titles.size(); ++heat) {
        QAction *action = menu->addAction(titles[heat]);
        action->setCheckable(true);
        action->setChecked(heat == 0);
        action->setData(heat);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, heat] { Q_EMIT heatChosen(heat); });
    }
    return menu;
}

void MapButtons::setHeat(int heat)
{
    m_heatButton->setChecked(heat != 0);
    for (QAction *action : m_heatButton->menu()->actions())
        action->setChecked(action->data().toInt() == heat);
}

void MapButtons::setDrawingArea(bool on)
{
    if (m_areaButton->isChecked() != on)
        m_areaButton->setChecked(on);
}

void MapButtons::setAgencyAreaShown(bool shown)
{
    m_agencyButton->setVisible(shown);
    adjustSize();
}

void MapButtons::setClearAreaShown(bool shown)
{
    m_clearAreaButton->setVisible(shown);
    adjustSize();
}

} // namespace rd
