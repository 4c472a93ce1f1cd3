#include "MbTiles.h"

#include "sqlite/Database.h"
#include "sqlite/SqliteError.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace rd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(rd::MbTiles)
};

} // namespace

MbTiles::MbTiles(std::unique_ptr<sqlite::Database> db, QString path, Metadata metadata)
    : m_db(std::move(db))
    , m_path(std::move(path))
    , m_metadata(std::move(metadata))
{}

MbTiles::~MbTiles() = default;

MbTiles::Opened MbTiles::open(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (!QFileInfo(path).isFile())
        return {nullptr, Tr::tr("The map file %1 does not exist.").arg(shown)};
    try {
        auto db = std::make_unique<sqlite::Database>(path, sqlite::Database::OpenMode::ReadOnly);
        // Reading the schema is where a file that is not SQLite shows itself.
        const qint64 tables = db->queryInt(QStringLiteral(
            "SELECT count(*) FROM sqlite_schema WHERE name IN ('tiles', 'metadata')"));
        if (tables < 2)
            return {nullptr, Tr::tr("The map file %1 is not an MBTiles file (it has no "
                                    "\"tiles\" and \"metadata\" tables).")
                                 .arg(shown)};
        // The columns the specification names (a view is fine too).
        sqlite::Statement probe(*db, QStringLiteral("SELECT zoom_level, tile_column, tile_row, "
                                                    "tile_data FROM tiles LIMIT 0"));
        Q_UNUSED(probe)
        Metadata metadata;
        sqlite::Statement rows(*db, QStringLiteral("SELECT name, value FROM metadata"));
        while (rows.step()) {
            const QString name = rows.text(0);
            const QString value = rows.text(1);
            if (name == QLatin1String("name"))
                metadata.name = value;
            else if (name == QLatin1String("format"))
                metadata.format = value.toLower();
            else if (name == QLatin1String("attribution"))
                metadata.attribution = value;
            else if (name == QLatin1String("minzoom"))
                metadata.minZoom = std::clamp(value.toInt(), 0, 24);
            else if (name == QLatin1String("maxzoom"))
                metadata.maxZoom = std::clamp(value.toInt(), 0, 24);
            else if (name == QLatin1String("bounds")) {
                const QStringList parts = value.split(QLatin1Char(','));
                if (parts.size() == 4) {
                    const GeoBox box{parts[1].toDouble(), parts[0].toDouble(), parts[3].toDouble(),
                                     parts[2].toDouble()};
                    if (box.isValid())
                        metadata.bounds = box;
                }
            }
        }
        if (!metadata.format.isEmpty() && metadata.format != QLatin1String("png") &&
            metadata.format != QLatin1String("jpg") && metadata.format != QLatin1String("jpeg"))
            return {nullptr, Tr::tr("The map file %1 holds %2 tiles; RegionDesk shows PNG and "
                                    "JPEG tiles only.")
                                 .arg(shown, metadata.format)};
        return {std::unique_ptr<MbTiles>(new MbTiles(std::move(db), path, metadata)), {}};
    } catch (const sqlite::Error &error) {
        return {nullptr, Tr::tr("The map file %1 cannot be read as an MBTiles file: %2")
                             .arg(shown, error.message())};
    }
}

std::optional<QByteArray> MbTiles::tile(const TileId &tile)
{
    if (!tile.isValid())
        return std::nullopt;
    try {
        sqlite::Statement &s = m_db->prepare(
            QStringLiteral("SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 "
                           "AND tile_row = ?3"));
        s.bind(1, tile.z).bind(2, tile.x).bind(3, tile.tmsRow());
        std::optional<QByteArray> data;
        if (s.step())
            data = s.blob(0);
        s.reset();
        return data;
    } catch (const sqlite::Error &) {
        return std::nullopt; // a damaged page: this tile is missing, the map goes on
    }
}

} // namespace rd
