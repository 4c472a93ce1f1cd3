#pragma once

#include <QColor>
#include <QPalette>

#include <array>

namespace rd {

// The map's own colours, light or dark after the widget's palette (the
// desk's theme: ui/Theme), so that the map follows a change of theme at
// once. The complaints' marker colours are the same in both (MarkerLayer).
struct MapColours
{
    bool dark = false;
    QColor background; // land, where no tile is
    QColor graticule;  // with neither tiles nor outlines
    QColor panel;      // under the scale, legend, attribution
    QColor panelText;
    QColor outline; // a district's border
    QColor districtText;
    QColor street;
    QColor streetCasing;
    QColor streetText;
    QColor halo;        // around labels
    QColor areaOutline; // the area the queue is narrowed to
    QColor areaVeil;    // outside it
    std::array<QColor, 6> districtFills;

    static MapColours of(const QPalette &palette)
    {
        return palette.color(QPalette::Window).lightness() < 128 ? darkColours() : lightColours();
    }

    static MapColours lightColours()
    {
        MapColours c;
        c.background = QColor(0xee, 0xf0, 0xf2);
        c.graticule = QColor(0xc8, 0xd0, 0xd8);
        c.panel = QColor(255, 255, 255, 225);
        c.panelText = Qt::black;
        c.outline = QColor(0x6e, 0x5c, 0x94);
        c.districtText = QColor(0x5a, 0x4a, 0x7a);
        c.street = Qt::white;
        c.streetCasing = QColor(0xc4, 0xc8, 0xcf);
        c.streetText = QColor(0x33, 0x36, 0x3b);
        c.halo = QColor(255, 255, 255, 220);
        c.areaOutline = QColor(0x1f, 0x4e, 0x79);
        c.areaVeil = QColor(255, 255, 255, 90);
        c.districtFills = {QColor(0xf4, 0xec, 0xdc), QColor(0xe3, 0xee, 0xdc),
                           QColor(0xe0, 0xe9, 0xf3), QColor(0xf1, 0xe3, 0xe6),
                           QColor(0xe9, 0xe5, 0xf2), QColor(0xee, 0xee, 0xdf)};
        return c;
    }

    static MapColours darkColours()
    {
        MapColours c;
        c.dark = true;
        c.background = QColor(0x22, 0x24, 0x27);
        c.graticule = QColor(0x3a, 0x3e, 0x44);
        c.panel = QColor(0x2b, 0x2d, 0x30, 235);
        c.panelText = QColor(0xe6, 0xe6, 0xe6);
        c.outline = QColor(0x9d, 0x8f, 0xc4);
        c.districtText = QColor(0xb9, 0xae, 0xdb);
        c.street = QColor(0x4a, 0x4e, 0x55);
        c.streetCasing = QColor(0x17, 0x18, 0x1a);
        c.streetText = QColor(0xd8, 0xda, 0xde);
        c.halo = QColor(0x1e, 0x1f, 0x22, 220);
        c.areaOutline = QColor(0x8a, 0xb4, 0xf8);
        c.areaVeil = QColor(0, 0, 0, 90);
        c.districtFills = {QColor(0x33, 0x2f, 0x28), QColor(0x2a, 0x32, 0x2a),
                           QColor(0x28, 0x2e, 0x36), QColor(0x34, 0x2a, 0x2d),
                           QColor(0x2f, 0x2c, 0x36), QColor(0x31, 0x31, 0x2a)};
        return c;
    }
};

} // namespace rd
