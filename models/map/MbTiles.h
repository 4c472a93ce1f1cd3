#pragma once

#include "GeoBox.h"
#include "WebMercator.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace rd {

namespace sqlite {
class Database;
}

// A local tile source: an MBTiles file (MBTiles 1.3: a SQLite database with
// a `metadata` table of name/value pairs and a `tiles` table of
// zoom_level, tile_column, tile_row (TMS, counted from the south) and
// tile_data). An agency can ship one of its region for offline work.
// Opened read-only; never modified.
class MbTiles final
{
public:
    struct Metadata
    {
        QString name;
        QString format; // "png" or "jpg" (what the file says; images are checked when drawn)
        QString attribution;
        std::optional<GeoBox> bounds;
        int minZoom = 0;
        int maxZoom = 22;
    };

    // The file, or a message that names it and says what is wrong (missing,
    // not SQLite, not MBTiles, an unsupported format).
    struct Opened
    {
        std::unique_ptr<MbTiles> tiles;
        QString error;
    };
    static Opened open(const QString &path);
    ~MbTiles();
    Q_DISABLE_COPY_MOVE(MbTiles)

    const Metadata &metadata() const { return m_metadata; }
    const QString &path() const { return m_path; }
    // The tile's bytes as stored, or nothing if the file has no such tile.
    std::optional<QByteArray> tile(const TileId &tile);

private:
    MbTiles(std::unique_ptr<sqlite::Database> db, QString path, Metadata metadata);

    std::unique_ptr<sqlite::Database> m_db;
    QString m_path;
    Metadata m_metadata;
};

} // namespace rd
