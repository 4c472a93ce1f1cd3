// Filing a request through Open311 (docs/api.md "Open311"): the form of
// the specification, as lenient as it is (a point, or an address only; no
// description at all), into moderation.

#include "Open311Service.h"

#include "Deadlines.h"

#include <cmath>

namespace rd::server {

namespace {

constexpr int DescriptionLimit = 4000; // the specification's
constexpr int MediaUrlLimit = 2000;
constexpr int AddressIdLimit = 200;

struct Location
{
    double latitude = 0.0;
    double longitude = 0.0;
    bool given = false; // a point came with the request
    QString error;
};

Location location(const Open311Params &form, const ServerConfig &config)
{
    const QString latText = form.value("lat").trimmed();
    const QString lonText = form.value("long").trimmed();
    if (latText.isEmpty() && lonText.isEmpty()) {
        if (form.value("address_string").trimmed().isEmpty() &&
            form.value("address_id").trimmed().isEmpty())
            return {0, 0, false,
                    QStringLiteral("a location is required: lat and long, address_string or "
                                   "address_id")};
        return {config.cityLatitude, config.cityLongitude, false, {}};
    }
    bool latOk = false;
    bool lonOk = false;
    const double lat = latText.toDouble(&latOk);
    const double lon = lonText.toDouble(&lonOk);
    if (!latOk || !lonOk || !std::isfinite(lat) || !std::isfinite(lon) || lat < -90 || lat > 90 ||
        lon < -180 || lon > 180)
        return {0, 0, false, QStringLiteral("lat and long must be a point on the globe (WGS84)")};
    return {lat, lon, true, {}};
}

// A link to a photo the client keeps: stored as given, never fetched.
bool isMediaLink(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return text.size() <= MediaUrlLimit && url.isValid() && !url.host().isEmpty() &&
           url.userInfo().isEmpty() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

} // namespace

ApiResponse Open311Service::file(const ApiRequest &request, const QDateTime &now,
                                 Open311Format format)
{
    if (request.body.size() > m_config.maxJsonBytes)
        return open311Error(413, QStringLiteral("request too large"), format);
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    if (type != "application/x-www-form-urlencoded")
        return open311Error(400, QStringLiteral("send application/x-www-form-urlencoded"), format);
    Open311Params form = Open311Params::fromForm(request.body);
    form.fallBackTo(Open311Params(request.query)); // api_key may come in the URL
    const auto value = [&](const char *name) { return form.value(name).trimmed(); };
    if (!apiKeyMatches(form))
        return open311Error(403, QStringLiteral("api_key is missing or wrong"), format);
    if (value("service_code").isEmpty())
        return open311Error(400, QStringLiteral("service_code is required"), format);
    const Category *category = categoryByCode(value("service_code"));
    if (!category)
        return open311Error(404, QStringLiteral("No service %1").arg(value("service_code")),
                            format);
    const Location where = location(form, m_config);
    if (!where.error.isEmpty())
        return open311Error(400, where.error, format);
    const QString description = value("description");
    if (description.size() > DescriptionLimit)
        return open311Error(400, QStringLiteral("description is at most 4000 characters"), format);
    const QString mediaUrl = value("media_url");
    if (!mediaUrl.isEmpty() && !isMediaLink(mediaUrl))
        return open311Error(400, QStringLiteral("media_url must be an http or https URL"), format);
    const QString addressId = value("address_id");
    if (addressId.size() > AddressIdLimit)
        return open311Error(400, QStringLiteral("address_id is at most 200 characters"), format);

    Complaint c;
    c.state = ComplaintState::Moderation;
    c.categoryId = category->id;
    // The link goes into the text, so the moderator sees it (and may take it out).
    c.text = mediaUrl.isEmpty()      ? description
             : description.isEmpty() ? QStringLiteral("Фото: %1").arg(mediaUrl)
                                     : QStringLiteral("%1\n\nФото: %2").arg(description, mediaUrl);
    c.address = value("address_string").left(1000);
    if (c.address.isEmpty())
        c.address = where.given ? QStringLiteral("%1, %2")
                                      .arg(where.latitude, 0, 'f', 6)
                                      .arg(where.longitude, 0, 'f', 6)
                                : QStringLiteral("Код адреса %1").arg(addressId);
    c.latitude = where.latitude;
    c.longitude = where.longitude;
    c.createdAt = now;
    c.updatedAt = now;
    c.dueDate = Deadlines::answerDue(now.toTimeZone(m_config.timeZone).date(), m_store.catalogue());
    c.authorName =
        (value("first_name") + QLatin1Char(' ') + value("last_name")).trimmed().left(500);
    c.authorEmail = value("email").left(500);
    c.authorPhone = value("phone").left(100);

    ServerStore::WriteTransaction transaction(m_store);
    // Counted in the filing's transaction: a refused one files nothing.
    if (const auto refused =
            m_quotas.admitClientEvent(Quotas::ClientEvent::Filing, request.client, now)) {
        ApiResponse r = open311Error(refused->status, refused->message, format);
        r.addHeader("Retry-After", QByteArray::number(refused->retryAfterSecs));
        return r;
    }
    c.id = m_store.nextComplaintId();
    c.version = 1;
    m_store.write(c, {});
    m_store.appendHistory(c.id, now,
                          c.authorName.isEmpty() ? QStringLiteral("Open311") : c.authorName,
                          QStringLiteral("file"), {}, c.text);
    m_store.addOpen311Filing({c.id, where.given, addressId, mediaUrl});
    transaction.commit();

    Open311Node answer = Open311Node::list(QStringLiteral("request"));
    answer.append(
        Open311Node::object()
            .add(QStringLiteral("service_request_id"), QString::number(c.id))
            .add(QStringLiteral("service_notice"),
                 QStringLiteral("Обращение принято и будет опубликовано после модерации."))
            .add(QStringLiteral("account_id"), Open311Node()));
    return open311Answer(201, answer, QStringLiteral("service_requests"), format);
}

} // namespace rd::server
