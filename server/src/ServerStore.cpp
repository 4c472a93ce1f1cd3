#include "ServerStore.h"

#include "ApiJson.h"
#include "PgServerStore.h"
#include "SqliteServerStore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QThread>
#include <QUuid>

#include <stdexcept>

namespace rd::server {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

ServerStore::~ServerStore() = default;

bool ServerStore::isPostgres(const QString &database)
{
    return database.startsWith(QLatin1String("postgresql://")) ||
           database.startsWith(QLatin1String("postgres://"));
}

std::unique_ptr<ServerStore> ServerStore::open(const QString &database, const QString &photosDir)
{
    const PhotoFiles files = photosDir.isEmpty() ? PhotoFiles() : PhotoFiles(photosDir);
    if (isPostgres(database))
        return std::make_unique<PgServerStore>(database, -1, files);
    return std::make_unique<SqliteServerStore>(database, -1, files);
}

ServerStore::WriteTransaction::WriteTransaction(ServerStore &store)
    : m_store(store)
{
    m_store.beginWrite();
}

ServerStore::WriteTransaction::~WriteTransaction()
{
    if (m_open)
        m_store.rollbackWrite();
}

void ServerStore::WriteTransaction::commit()
{
    if (const int ms = s_commitDelayMs.load(); ms > 0)
        QThread::msleep(ulong(ms));
    m_store.commitWrite();
    m_open = false;
}

void ServerStore::initialiseMeta()
{
    if (!meta(QStringLiteral("epoch")).isEmpty())
        return;
    newEpoch();
    setMeta(QStringLiteral("last_seq"), QStringLiteral("0"));
    setMeta(QStringLiteral("min_cursor"), QStringLiteral("0"));
}

void ServerStore::refuseNewerSchema(int version, int latest, const QString &where)
{
    if (version > latest)
        throw std::runtime_error(QStringLiteral("%1 is at schema version %2, newer than this "
                                                "server knows (%3): upgrade the server")
                                     .arg(where)
                                     .arg(version)
                                     .arg(latest)
                                     .toStdString());
}

void ServerStore::newEpoch()
{
    setMeta(QStringLiteral("epoch"), QUuid::createUuid().toString(QUuid::WithoutBraces));
}

qint64 ServerStore::lastSeq()
{
    return meta(QStringLiteral("last_seq")).toLongLong();
}

qint64 ServerStore::minCursor()
{
    return meta(QStringLiteral("min_cursor")).toLongLong();
}

void ServerStore::setCatalogue(const Catalogue &catalogue)
{
    saveCatalogueJson(compact(ApiJson::catalogueToJson(catalogue)));
    loadCatalogue();
    setMeta(QStringLiteral("catalogue_etag"), QString::fromLatin1(m_catalogueEtag));
}

bool ServerStore::refreshCatalogue()
{
    const QString stored = meta(QStringLiteral("catalogue_etag"));
    if (stored.isEmpty() || stored.toLatin1() == m_catalogueEtag)
        return false;
    loadCatalogue();
    return true;
}

void ServerStore::loadCatalogue()
{
    m_catalogueJson = readCatalogueJson();
    m_catalogueEtag =
        '"' +
        QCryptographicHash::hash(m_catalogueJson, QCryptographicHash::Sha256).toHex().left(32) +
        '"';
    if (!m_catalogueJson.isEmpty()) {
        const auto parsed =
            ApiJson::catalogueFromJson(QJsonDocument::fromJson(m_catalogueJson).object());
        if (!parsed)
            throw std::runtime_error("stored catalogue is invalid: " +
                                     parsed.error.toString().toStdString());
        m_catalogue = *parsed.value;
    }
}

StoredComplaint ServerStore::write(Complaint c, const QList<Photo> &photos)
{
    const std::optional<Existing> old = existing(c.id);
    const qint64 seq = nextSeq();
    c.version = old ? old->version + 1 : std::max<qint64>(c.version, 1);
    // A new complaint with an id of its own (the demo seeder's): no later
    // one may get that id, even after this one is deleted.
    if (!old && c.id > meta(QStringLiteral("last_complaint_id")).toLongLong())
        setMeta(QStringLiteral("last_complaint_id"), QString::number(c.id));
    if (old && old->agencyId && old->agencyId != c.agencyId)
        logScopeChange(seq, c.id, old->agencyId, false, c.updatedAt); // the change's own time
    const QJsonObject body = ApiJson::complaintToJson(c, photos, {false});
    const QJsonObject author{{QStringLiteral("name"), c.authorName},
                             {QStringLiteral("email"), c.authorEmail},
                             {QStringLiteral("phone"), c.authorPhone}};
    putComplaint(c, seq, compact(body), compact(author));
    return {c, photos, seq};
}

qint64 ServerStore::nextComplaintId()
{
    const qint64 id = meta(QStringLiteral("last_complaint_id")).toLongLong() + 1;
    setMeta(QStringLiteral("last_complaint_id"), QString::number(id));
    return id;
}

void ServerStore::remove(qint64 id, const QDateTime &at)
{
    const auto old = complaint(id);
    if (!old)
        return;
    logScopeChange(nextSeq(), id, old->complaint.agencyId, true, at);
    deleteComplaint(id);
}

StoredComplaint ServerStore::decode(qint64 seq, const QByteArray &bodyText,
                                    const QByteArray &authorText) const
{
    QJsonObject body = QJsonDocument::fromJson(bodyText).object();
    body.insert(QStringLiteral("author"), QJsonDocument::fromJson(authorText).object());
    const auto parsed = ApiJson::complaintFromJson(body);
    if (!parsed)
        throw std::runtime_error("stored complaint is invalid: " +
                                 parsed.error.toString().toStdString());
    return StoredComplaint{parsed.value->complaint, parsed.value->photos, seq};
}

} // namespace rd::server
