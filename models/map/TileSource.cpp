#include "TileSource.h"

#include "ApiClient.h"
#include "Connection.h"
#include "ImageInfo.h"
#include "TileStore.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

namespace rd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(rd::TileSource)
};

} // namespace

TileSource::TileSource(QNetworkAccessManager *network, TileStore &store, Settings settings,
                       const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_store(store)
    , m_settings(std::move(settings))
    , m_clock(clock)
{
    qRegisterMetaType<TileId>();
    if (!m_settings.mbtilesPath.isEmpty()) {
        MbTiles::Opened opened = MbTiles::open(m_settings.mbtilesPath);
        m_file = std::move(opened.tiles);
        m_problem = opened.error;
        m_cacheKey = QStringLiteral("mbtiles:") + m_settings.mbtilesPath;
    } else {
        m_cacheKey = m_settings.urlTemplate;
    }
}

TileSource::~TileSource()
{
    for (QNetworkReply *reply : m_inFlight.keys()) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

QString TileSource::attribution() const
{
    if (!m_settings.attribution.isEmpty())
        return m_settings.attribution;
    if (m_file)
        return m_file->metadata().attribution;
    if (m_settings.urlTemplate.contains(QLatin1String("openstreetmap.org")))
        return Tr::tr("© OpenStreetMap contributors");
    return {};
}

int TileSource::minZoom() const
{
    return m_file ? m_file->metadata().minZoom : 0;
}

int TileSource::maxZoom() const
{
    return m_file ? m_file->metadata().maxZoom : 19;
}

void TileSource::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged(problem);
}

std::optional<QByteArray> TileSource::tile(const TileId &tile)
{
    if (!tile.isValid())
        return std::nullopt;
    if (!m_settings.mbtilesPath.isEmpty())
        return m_file ? m_file->tile(tile) : std::nullopt;
    std::optional<TileStore::Entry> cached;
    try {
        cached = m_store.get(m_cacheKey, tile, now());
    } catch (const std::exception &) {
        cached.reset(); // a cache problem costs a download, not the map
    }
    if ((!cached || cached->isExpired(now())) && !m_pending.contains(tile) &&
        !m_fetching.contains(tile)) {
        m_queue.prepend(tile);
        m_pending.insert(tile, cached ? cached->etag : QString());
        m_wanted.insert(tile);
        pump();
    }
    if (cached)
        return cached->data;
    return std::nullopt;
}

void TileSource::setWanted(const QSet<TileId> &tiles, const void *viewer)
{
    if (tiles.isEmpty())
        m_wantedBy.remove(viewer);
    else
        m_wantedBy.insert(viewer, tiles);
    m_wanted.clear();
    for (const QSet<TileId> &wanted : std::as_const(m_wantedBy))
        m_wanted.unite(wanted);
    QList<TileId> kept;
    for (const TileId &t : std::as_const(m_queue)) {
        if (m_wanted.contains(t))
            kept.append(t);
        else
            m_pending.remove(t);
    }
    m_queue = kept;
}

void TileSource::follow(const Connection &connection)
{
    m_tls = connection.tlsConfiguration();
    connect(&connection, &Connection::changed, this,
            [this, &connection] { m_tls = connection.tlsConfiguration(); });
}

void TileSource::pump()
{
    while (m_inFlight.size() < m_settings.maxInFlight && !m_queue.isEmpty()) {
        const TileId tile = m_queue.takeFirst();
        const QString etag = m_pending.take(tile);
        if (!m_wanted.contains(tile))
            continue;
        QString url = m_settings.urlTemplate;
        url.replace(QLatin1String("{z}"), QString::number(tile.z))
            .replace(QLatin1String("{x}"), QString::number(tile.x))
            .replace(QLatin1String("{y}"), QString::number(tile.y));
        QNetworkRequest request{QUrl(url)};
        request.setHeader(QNetworkRequest::UserAgentHeader, ApiClient::userAgent());
        request.setTransferTimeout(30000);
        if (m_tls)
            request.setSslConfiguration(*m_tls);
        // Our own cache decides. (Not AlwaysNetwork: Qt then sends
        // "Cache-Control: no-cache", which the tile policy forbids.)
        if (!etag.isEmpty())
            request.setRawHeader("If-None-Match", etag.toLatin1());
        QNetworkReply *reply = m_network->get(request);
        m_inFlight.insert(reply, tile);
        m_fetching.insert(tile);
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, tile] { onFinished(reply, tile); });
    }
}

QDateTime TileSource::expiryOf(QNetworkReply *reply) const
{
    QDateTime expires = now().addSecs(m_settings.minCacheSeconds);
    const QString control = QString::fromLatin1(reply->rawHeader("Cache-Control"));
    static const QRegularExpression maxAge(QStringLiteral("max-age=(\\d+)"));
    const auto match = maxAge.match(control);
    if (match.hasMatch()) {
        const QDateTime byHeader = now().addSecs(match.captured(1).toLongLong());
        expires = std::max(expires, byHeader);
    } else if (const QDateTime header = QDateTime::fromString(
                   QString::fromLatin1(reply->rawHeader("Expires")), Qt::RFC2822Date);
               header.isValid()) {
        expires = std::max(expires, header.toUTC());
    }
    return expires;
}

void TileSource::onFinished(QNetworkReply *reply, const TileId &tile)
{
    m_inFlight.remove(reply);
    m_fetching.remove(tile);
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    try {
        if (status == 304) {
            m_store.refresh(m_cacheKey, tile, expiryOf(reply), now());
            setProblem({});
        } else if (status == 200 && inspectImage(data).isImage()) {
            m_store.put(m_cacheKey, tile, data, QString::fromLatin1(reply->rawHeader("ETag")),
                        expiryOf(reply), now());
            setProblem({});
            Q_EMIT tileArrived(tile);
        } else if (status == 200) {
            setProblem(Tr::tr("The map server sent something that is not a picture; those "
                              "parts of the map are not shown."));
        } else if (status == 0) {
            setProblem(Tr::tr("The map cannot be loaded from the network (%1); it shows what "
                              "it has.")
                           .arg(reply->errorString()));
        } else {
            setProblem(
                Tr::tr("The map server refused (HTTP %1); the map shows what it has.").arg(status));
        }
    } catch (const std::exception &) {
        setProblem(Tr::tr("The map cannot be kept for offline use (its cache on this computer "
                          "cannot be written); it is shown all the same."));
        if (status == 200 && inspectImage(data).isImage())
            Q_EMIT tileArrived(tile);
    }
    pump();
}

} // namespace rd
