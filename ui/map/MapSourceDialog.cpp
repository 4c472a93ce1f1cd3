#include "MapSourceDialog.h"

#include "DeskSettings.h"
#include "MbTiles.h"
#include "Theme.h"
#include "TileSource.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

namespace rd {

namespace {} // namespace

MapSourceDialog::Source MapSourceDialog::sourceIn(QSettings &settings)
{
    const DeskSettings desk(settings);
    if (desk.mapSource() == DeskSettings::MapSource::None)
        return Source::None;
    if (desk.mapSource() == DeskSettings::MapSource::File)
        return Source::MbTilesFile;
    const QString urlTemplate = desk.mapUrlTemplate();
    if (!urlTemplate.isEmpty() && urlTemplate != QLatin1String(TileSource::OsmTemplate))
        return Source::Server;
    return Source::OpenStreetMap;
}

Parsed<Done> MapSourceDialog::checkTemplate(const QString &urlTemplate)
{
    const QUrl url(QString(urlTemplate)
                       .replace(QLatin1Char('{'), QLatin1Char('_'))
                       .replace(QLatin1Char('}'), QLatin1Char('_')),
                   QUrl::StrictMode);
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
        url.host().isEmpty())
        return failed(tr("The tile server's address must start with https:// (or http://) and "
                         "name a host."));
    for (const char *part : {"{z}", "{x}", "{y}"}) {
        if (!urlTemplate.contains(QLatin1String(part)))
            return failed(tr("The address must contain {z}, {x} and {y} (zoom, column, row), "
                             "e.g. https://tiles.example.ru/{z}/{x}/{y}.png."));
    }
    return succeeded();
}

MapSourceDialog::MapSourceDialog(QSettings &settings, bool locked, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Map tiles"));
    setObjectName(QStringLiteral("mapSourceDialog"));
    auto *layout = new QVBoxLayout(this);
    m_choice = new QButtonGroup(this);
    const auto radio = [&](Source source, const char *name, const QString &text) {
        auto *button = new QRadioButton(text, this);
        button->setObjectName(QString::fromLatin1(name));
        m_choice->addButton(button, int(source));
        layout->addWidget(button);
        return button;
    };
    radio(Source::OpenStreetMap, "osmChoice",
          tr("&OpenStreetMap (online; tiles kept for offline use as they are seen)"));
    radio(Source::Server, "serverChoice", tr("Another &tile server:"));
    m_template = new QLineEdit(this);
    m_template->setObjectName(QStringLiteral("templateEdit"));
    m_template->setPlaceholderText(QStringLiteral("https://tiles.example.ru/{z}/{x}/{y}.png"));
    m_template->setAccessibleName(tr("Tile server address"));
    auto *templateRow = new QHBoxLayout;
    templateRow->setContentsMargins(24, 0, 0, 0);
    templateRow->addWidget(m_template);
    layout->addLayout(templateRow);
    radio(Source::MbTilesFile, "fileChoice", tr("An &MBTiles file of the region (offline):"));
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("fileEdit"));
    m_file->setAccessibleName(tr("MBTiles file"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    auto *fileRow = new QHBoxLayout;
    fileRow->setContentsMargins(24, 0, 0, 0);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    layout->addLayout(fileRow);
    radio(Source::None, "noneChoice", tr("&No tiles (complaints on a grid)"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("mapSourceError"));
    m_error->setWordWrap(true);
    setTone(m_error, Tone::Alert); // readable in either theme and high contrast
    m_error->setVisible(false);
    layout->addWidget(m_error);
    if (locked) {
        auto *note = new QLabel(tr("The map's tiles are set by your administrator."), this);
        note->setObjectName(QStringLiteral("mapSourceLocked"));
        layout->addWidget(note);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &MapSourceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const Source current = sourceIn(settings);
    m_choice->button(int(current))->setChecked(true);
    if (current == Source::Server)
        m_template->setText(DeskSettings(settings).mapUrlTemplate());
    m_file->setText(QDir::toNativeSeparators(DeskSettings(settings).mapMbtiles()));
    connect(m_choice, &QButtonGroup::idToggled, this, [this] { updateControls(); });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("MBTiles file"), m_file->text(),
                                                          tr("MBTiles (*.mbtiles);;All files (*)"));
        if (!path.isEmpty())
            m_file->setText(QDir::toNativeSeparators(path));
    });
    for (QAbstractButton *button : m_choice->buttons())
        button->setEnabled(!locked);
    m_template->setReadOnly(locked);
    m_file->setReadOnly(locked);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!locked);
    updateControls();
}

void MapSourceDialog::updateControls()
{
    const auto source = Source(m_choice->checkedId());
    m_template->setEnabled(source == Source::Server);
    m_file->setEnabled(source == Source::MbTilesFile);
    m_browse->setEnabled(source == Source::MbTilesFile && !m_file->isReadOnly());
    m_error->setVisible(false);
}

void MapSourceDialog::accept()
{
    const auto source = Source(m_choice->checkedId());
    const auto fail = [this](const QString &message, QWidget *focus) {
        m_error->setText(message);
        m_error->setVisible(true);
        focus->setFocus();
    };
    switch (source) {
    case Source::OpenStreetMap:
        DeskSettings(m_settings).setMapOnline({});
        break;
    case Source::Server: {
        const QString urlTemplate = m_template->text().trimmed();
        if (const auto checked = checkTemplate(urlTemplate); !checked)
            return fail(checked.error.toString(), m_template);
        DeskSettings(m_settings).setMapOnline(urlTemplate);
        break;
    }
    case Source::MbTilesFile: {
        const QString path = QDir::fromNativeSeparators(m_file->text().trimmed());
        if (path.isEmpty())
            return fail(tr("Choose the MBTiles file."), m_file);
        const MbTiles::Opened opened = MbTiles::open(path);
        if (!opened.tiles)
            return fail(opened.error, m_file);
        DeskSettings(m_settings).setMapFile(path);
        break;
    }
    case Source::None:
        DeskSettings(m_settings).setMapNone();
        break;
    }
    QDialog::accept();
}

} // namespace rd
