#include "GeographyService.h"

#include "ContentCoding.h"
#include "GeoJson.h"

#include <QCryptographicHash>
#include <QFile>

namespace rd::server {

namespace {

const QString MetaKey = QStringLiteral("geography");
constexpr qint64 MaxFileBytes = 256LL << 20; // far above a city's streets

} // namespace

GeographyService::GeographyService(ServerStore &store)
    : m_json(store.meta(MetaKey).toUtf8())
{
    if (m_json.isEmpty())
        m_json = GeoJson::write({}); // none published: an empty collection
    m_etag = "W/\"g-" +
             QCryptographicHash::hash(m_json, QCryptographicHash::Sha256).toHex().left(32) + '"';
}

void GeographyService::publish(ServerStore &store, const Geography &geography)
{
    store.setMeta(MetaKey, QString::fromUtf8(GeoJson::write(geography)));
}

Parsed<Geography> GeographyService::readFile(const QString &path, const Catalogue &catalogue)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed<Geography>(
            QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > MaxFileBytes)
        return failed<Geography>(
            QStringLiteral("%1 is larger than %2 MiB").arg(path).arg(MaxFileBytes >> 20));
    Parsed<Geography> parsed = GeoJson::read(file.readAll());
    if (!parsed)
        return failed<Geography>(
            QStringLiteral("%1 is not a geography file (GeoJSON, docs/api.md \"Geography\"): %2")
                .arg(path, parsed.error.toString()));
    for (qsizetype i = 0; i < parsed.value->districts.size(); ++i) {
        const auto id = parsed.value->districts[i].districtId;
        if (id && !catalogue.district(*id))
            return failed<Geography>(
                QStringLiteral("%1: features: district %2 (“%3”) has district_id %4, which is "
                               "not a district of the catalogue")
                    .arg(path)
                    .arg(i + 1)
                    .arg(parsed.value->districts[i].name)
                    .arg(*id));
    }
    return parsed;
}

ApiResponse GeographyService::geography(const ApiRequest &request) const
{
    ApiResponse r;
    r.contentType = "application/geo+json; charset=utf-8";
    r.addHeader("ETag", m_etag);
    r.addHeader("Cache-Control", "private, no-cache");
    if (etagMatches(request.header("if-none-match"), m_etag)) {
        r.status = 304;
        r.contentType.clear();
        return r;
    }
    r.body = m_json;
    return r;
}

} // namespace rd::server
