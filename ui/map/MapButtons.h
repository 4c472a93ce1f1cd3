#pragma once

#include <QWidget>

class QMenu;
class QToolButton;
class QVBoxLayout;

namespace rd {

// The map's buttons, top left: zoom in and out, show all, the user's
// agency's area, the heat layer's menu, draw an area and clear it. Light or
// dark like the map under them (setDark follows the desk's theme); the
// pictures are drawn (no icon theme on Windows, crisp at any scale). Heat
// values are MapWidget::Heat as numbers.
class MapButtons final : public QWidget
{
    Q_OBJECT

public:
    explicit MapButtons(QWidget *map);

    void setHeat(int heat);
    void setDrawingArea(bool on);
    void setAgencyAreaShown(bool shown);
    void setClearAreaShown(bool shown);
    void setDark(bool dark);

Q_SIGNALS:
    void zoomInClicked();
    void zoomOutClicked();
    void fitAllClicked();
    void agencyAreaClicked();
    void heatChosen(int heat);
    void drawingAreaToggled(bool on);
    void clearAreaClicked();

private:
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
    static QIcon glyphIcon(Glyph glyph, const QColor &ink);
    QToolButton *add(const char *name, Glyph glyph, const QString &tip);
    QMenu *heatMenu();

    QVBoxLayout *m_layout = nullptr;
    QPalette m_colours; // the buttons' own: light or dark
    bool m_dark = false;
    QList<QPair<QToolButton *, Glyph>> m_glyphs;
    QToolButton *m_areaButton = nullptr;
    QToolButton *m_clearAreaButton = nullptr;
    QToolButton *m_agencyButton = nullptr;
    QToolButton *m_heatButton = nullptr;
};

} // namespace rd
