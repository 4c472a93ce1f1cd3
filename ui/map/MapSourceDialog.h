#pragma once

#include "Parsed.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSettings;

namespace rd {

// View ▸ Map tiles…: where the map's pictures come from — the OpenStreetMap
// standard layer, another tile server (an XYZ template), a local MBTiles
// file of the region (offline), or none (a grid). Checks what it is given
// (a template with {z}, {x} and {y} over http or https; a file that opens
// as MBTiles) and says what is wrong before anything is saved. What the
// administrator set is shown and cannot be changed here.
class MapSourceDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Source
    {
        OpenStreetMap,
        Server,
        MbTilesFile,
        None
    };

    MapSourceDialog(QSettings &settings, bool locked, QWidget *parent = nullptr);

    // What the settings say now (map/source, map/urlTemplate, map/mbtiles).
    static Source sourceIn(QSettings &settings);
    // Whether the template is usable; if not, why not.
    static Parsed<Done> checkTemplate(const QString &urlTemplate);

    void accept() override;

private:
    void updateControls();

    QSettings &m_settings;
    QButtonGroup *m_choice = nullptr;
    QLineEdit *m_template = nullptr;
    QLineEdit *m_file = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace rd
