#pragma once

#include "Clock.h"
#include "MbTiles.h"
#include "WebMercator.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace rd {

class Connection;

class TileStore;

// Where the map's raster tiles come from: an online XYZ server behind the
// persistent TileStore, or a local MBTiles file. Online use follows the
// OpenStreetMap tile usage policy: an identifying User-Agent, never
// no-cache, tiles kept per their expiry headers but at least seven days,
// at most two requests in flight, and only the tiles the map asks for while
// they are in view (setWanted() drops the rest: no bulk or pre-downloading).
class TileSource final : public QObject
{
    Q_OBJECT

public:
    static constexpr auto OsmTemplate = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    struct Settings
    {
        QString urlTemplate = QString::fromLatin1(OsmTemplate); // {z} {x} {y}
        QString mbtilesPath; // if set, tiles come from this file only
        QString attribution; // empty: the source's own (OSM's, or the file's)
        int maxInFlight = 2;
        qint64 minCacheSeconds = 7 * 86400;
    };

    TileSource(QNetworkAccessManager *network, TileStore &store, Settings settings,
               const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~TileSource() override;
    Q_DISABLE_COPY_MOVE(TileSource)

    // What is known of the tile now: cached (even if expired: shown while it
    // is asked for again) or from the file. A missing or expired online tile
    // is fetched if it is still wanted when its turn comes; tileArrived()
    // follows.
    std::optional<QByteArray> tile(const TileId &tile);
    // The tiles of the current view (and nothing else) may be fetched. Each
    // viewer (the map, a thumbnail) says what it shows; what any of them
    // wants is fetched. An empty set: that viewer wants nothing now.
    void setWanted(const QSet<TileId> &tiles, const void *viewer = nullptr);

    // Tile requests trust what the shared connection trusts (the system's
    // CAs and an administrator's extra CA: an agency's own tile server),
    // following it as it changes.
    void follow(const Connection &connection);

    // The attribution to show at all times, correct for the source.
    QString attribution() const;
    // A problem in plain words (offline, a bad file, bad tile data), or empty.
    QString problem() const { return m_problem; }
    // Zooms the source has tiles for.
    int minZoom() const;
    int maxZoom() const;
    QString cacheKey() const { return m_cacheKey; }

Q_SIGNALS:
    void tileArrived(const rd::TileId &tile);
    void problemChanged(const QString &problem);

private:
    void pump();
    void onFinished(QNetworkReply *reply, const TileId &tile);
    QDateTime expiryOf(QNetworkReply *reply) const;
    void setProblem(const QString &problem);
    QDateTime now() const { return m_clock.now(); }

    QNetworkAccessManager *m_network;
    TileStore &m_store;
    Settings m_settings;
    const Clock &m_clock;
    std::unique_ptr<MbTiles> m_file;
    QString m_cacheKey;
    QString m_problem;
    std::optional<QSslConfiguration> m_tls;
    QList<TileId> m_queue;                        // wanted and not yet asked for, newest first
    QHash<TileId, QString> m_pending;             // the queued ones → the cached copy's ETag
    QSet<TileId> m_wanted;                        // what any viewer wants
    QHash<const void *, QSet<TileId>> m_wantedBy; // …and who
    QHash<QNetworkReply *, TileId> m_inFlight;
    QSet<TileId> m_fetching; // the tiles of m_inFlight
};

} // namespace rd

Q_DECLARE_METATYPE(rd::TileId)
