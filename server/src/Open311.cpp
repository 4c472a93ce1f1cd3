// Open311 GeoReport v2 (docs/api.md "Open311"): services, requests, and
// filing a request into moderation, with the specification's field names
// and its error list format.

#include "Open311Service.h"

#include "ApiJson.h"
#include "Passwords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace rd::server {

namespace {

ApiResponse open311Error(int status, const QString &description)
{
    const QJsonArray list{QJsonObject{{QStringLiteral("code"), status},
                                      {QStringLiteral("description"), description}}};
    return ApiResponse::jsonArray(status, QJsonDocument(list).toJson(QJsonDocument::Compact));
}

bool isPublic(ComplaintState state)
{
    return state != ComplaintState::Moderation && state != ComplaintState::Rejected;
}

} // namespace

Open311Service::Open311Service(ServerStore &store, const ServerConfig &config)
    : m_store(store)
    , m_config(config)
{}

const Category *Open311Service::category(int id) const
{
    for (const Category &c : m_store.catalogue().categories)
        if (c.id == id)
            return &c;
    return nullptr;
}

QString Open311Service::agencyName(std::optional<int> id) const
{
    for (const Agency &a : m_store.catalogue().agencies)
        if (id && a.id == *id)
            return a.name;
    return QString();
}

ApiResponse Open311Service::handle(const ApiRequest &request, const QDateTime &now)
{
    const QString path = request.path.mid(QStringLiteral("/open311/v2/").size());
    const QByteArray host =
        request.header("host").isEmpty() ? QByteArray("127.0.0.1") : request.header("host");
    if (request.method == "GET" && path == QLatin1String("services.json"))
        return services();
    static const QRegularExpression serviceRe(
        QStringLiteral(R"(^services/([a-z0-9_-]{1,64})\.json$)"));
    if (const auto m = serviceRe.match(path); m.hasMatch() && request.method == "GET")
        return service(m.captured(1));
    static const QRegularExpression mediaRe(QStringLiteral(R"(^media/([A-Za-z0-9_-]{1,64})$)"));
    if (const auto m = mediaRe.match(path); m.hasMatch() && request.method == "GET")
        return media(m.captured(1));
    static const QRegularExpression oneRe(QStringLiteral(R"(^requests/(\d{1,15})\.json$)"));
    if (const auto m = oneRe.match(path); m.hasMatch() && request.method == "GET")
        return oneRequest(m.captured(1), host);
    if (path != QLatin1String("requests.json"))
        return open311Error(404, QStringLiteral("No such endpoint"));
    if (request.method == "GET")
        return requests(request.query, host, now);
    return file(request, now);
}

QJsonObject Open311Service::requestJson(const StoredComplaint &s, const QByteArray &host) const
{
    const Complaint &c = s.complaint;
    const Category *category = this->category(c.categoryId);
    QString notes = c.answerText;
    if (c.state == ComplaintState::Duplicate && c.duplicateOf)
        notes = QStringLiteral("Дубликат обращения %1").arg(*c.duplicateOf);
    QJsonValue expected;
    if (c.answerKind == AnswerKind::Deadline && c.answerDeadline.isValid())
        expected =
            ApiJson::formatTime(QDateTime(c.answerDeadline, QTime(23, 59, 59), m_config.timeZone));
    QJsonValue media;
    for (const Photo &p : s.photos) {
        if (!p.evidence) {
            media = QStringLiteral("http://%1/open311/v2/media/%2")
                        .arg(QString::fromLatin1(host), p.id);
            break;
        }
    }
    return QJsonObject{
        {QStringLiteral("service_request_id"), QString::number(c.id)},
        {QStringLiteral("status"),
         isOpen(c.state) ? QStringLiteral("open") : QStringLiteral("closed")},
        {QStringLiteral("status_notes"), notes.isEmpty() ? QJsonValue() : QJsonValue(notes)},
        {QStringLiteral("service_name"), category ? category->name : QString()},
        {QStringLiteral("service_code"), category ? category->code : QString()},
        {QStringLiteral("description"), c.text},
        {QStringLiteral("agency_responsible"), agencyName(c.agencyId)},
        {QStringLiteral("service_notice"), QJsonValue()},
        {QStringLiteral("requested_datetime"), ApiJson::formatTime(c.createdAt)},
        {QStringLiteral("updated_datetime"), ApiJson::formatTime(c.updatedAt)},
        {QStringLiteral("expected_datetime"), expected},
        {QStringLiteral("address"), c.address},
        {QStringLiteral("address_id"), QJsonValue()},
        {QStringLiteral("zipcode"), QJsonValue()},
        {QStringLiteral("lat"), c.latitude},
        {QStringLiteral("long"), c.longitude},
        {QStringLiteral("media_url"), media},
    };
}

ApiResponse Open311Service::services() const
{
    QJsonArray services;
    for (const Category &c : m_store.catalogue().categories) {
        services.append(QJsonObject{{QStringLiteral("service_code"), c.code},
                                    {QStringLiteral("service_name"), c.name},
                                    {QStringLiteral("description"), c.name},
                                    {QStringLiteral("metadata"), false},
                                    {QStringLiteral("type"), QStringLiteral("realtime")},
                                    {QStringLiteral("keywords"), QString()},
                                    {QStringLiteral("group"), agencyName(c.defaultAgencyId)}});
    }
    return ApiResponse::jsonArray(200, QJsonDocument(services).toJson(QJsonDocument::Compact));
}

ApiResponse Open311Service::service(const QString &code) const
{
    for (const Category &c : m_store.catalogue().categories) {
        if (c.code == code)
            return ApiResponse::json(200, {{QStringLiteral("service_code"), c.code},
                                           {QStringLiteral("attributes"), QJsonArray()}});
    }
    return open311Error(404, QStringLiteral("No service %1").arg(code));
}

ApiResponse Open311Service::media(const QString &id)
{
    QString sha256;
    const auto photo = m_store.photo(id, &sha256);
    const auto owner = photo ? m_store.complaint(photo->complaintId) : std::nullopt;
    if (!photo || !owner || !isPublic(owner->complaint.state))
        return open311Error(404, QStringLiteral("No such media"));
    const PhotoFiles::Read data = m_store.photoData(*photo, sha256);
    if (!data.error.isEmpty())
        return open311Error(500, QStringLiteral("This media cannot be read now"));
    ApiResponse r;
    r.contentType = photo->mimeType.toLatin1();
    r.addHeader("Cache-Control", "public, max-age=604800");
    r.body = data.data;
    return r;
}

ApiResponse Open311Service::oneRequest(const QString &id, const QByteArray &host)
{
    const auto stored = m_store.complaint(id.toLongLong());
    if (!stored || !isPublic(stored->complaint.state))
        return open311Error(404, QStringLiteral("No request %1").arg(id));
    return ApiResponse::jsonArray(
        200, QJsonDocument(QJsonArray{requestJson(*stored, host)}).toJson(QJsonDocument::Compact));
}

ApiResponse Open311Service::requests(const QUrlQuery &q, const QByteArray &host,
                                     const QDateTime &now)
{
    QSet<qint64> ids;
    const QString idList =
        q.queryItemValue(QStringLiteral("service_request_id"), QUrl::FullyDecoded);
    for (const QString &part : idList.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok)
            return open311Error(400, QStringLiteral("service_request_id must be numbers"));
        ids.insert(id);
    }
    const auto parseDate = [&](const QString &name, QDateTime *out) {
        const QString text = q.queryItemValue(name, QUrl::FullyDecoded);
        if (text.isEmpty())
            return true;
        const auto t = ApiJson::parseTime(text);
        if (!t)
            return false;
        *out = *t;
        return true;
    };
    QDateTime start = now.addDays(-90);
    QDateTime end = now.addDays(1);
    if (!parseDate(QStringLiteral("start_date"), &start) ||
        !parseDate(QStringLiteral("end_date"), &end))
        return open311Error(
            400, QStringLiteral("start_date and end_date must be ISO 8601 with an offset"));
    if (start.daysTo(end) > 90 &&
        q.queryItemValue(QStringLiteral("start_date"), QUrl::FullyDecoded).size() > 0 &&
        q.queryItemValue(QStringLiteral("end_date"), QUrl::FullyDecoded).size() > 0)
        return open311Error(400, QStringLiteral("at most 90 days between start_date and end_date"));
    const QString status = q.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    if (!status.isEmpty() && status != QLatin1String("open") && status != QLatin1String("closed") &&
        status != QLatin1String("open,closed") && status != QLatin1String("closed,open"))
        return open311Error(400, QStringLiteral("status is open, closed or both"));
    const QString serviceCodes =
        q.queryItemValue(QStringLiteral("service_code"), QUrl::FullyDecoded);
    QSet<int> categories;
    for (const QString &code : serviceCodes.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto it = std::find_if(m_store.catalogue().categories.begin(),
                                     m_store.catalogue().categories.end(),
                                     [&](const Category &c) { return c.code == code; });
        if (it == m_store.catalogue().categories.end())
            return open311Error(400, QStringLiteral("unknown service_code %1").arg(code));
        categories.insert(it->id);
    }
    ServerStore::ComplaintQuery query;
    for (ComplaintState state : allComplaintStates()) {
        if (isPublic(state) && (status != QLatin1String("open") || isOpen(state)) &&
            (status != QLatin1String("closed") || !isOpen(state)))
            query.states.append(state);
    }
    query.ids = QList<qint64>(ids.begin(), ids.end());
    query.categories = QList<int>(categories.begin(), categories.end());
    query.filedFrom = start;
    query.filedTo = end;
    query.limit = 1000;
    QJsonArray out;
    for (const StoredComplaint &stored : m_store.complaints(query))
        out.append(requestJson(stored, host));
    return ApiResponse::jsonArray(200, QJsonDocument(out).toJson(QJsonDocument::Compact));
}

ApiResponse Open311Service::file(const ApiRequest &request, const QDateTime &now)
{
    if (request.method != "POST")
        return open311Error(405, QStringLiteral("GET or POST"));
    if (request.body.size() > m_config.maxJsonBytes)
        return open311Error(413, QStringLiteral("request too large"));
    const QByteArray type = request.header("content-type").split(';').first().trimmed();
    if (type != "application/x-www-form-urlencoded")
        return open311Error(400, QStringLiteral("send application/x-www-form-urlencoded"));
    QUrlQuery form(QString::fromUtf8(request.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
    const auto value = [&](const char *name) {
        return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed();
    };
    if (m_config.open311ApiKey.isEmpty() ||
        !Passwords::constantTimeEquals(value("api_key").toUtf8(), m_config.open311ApiKey.toUtf8()))
        return open311Error(403, QStringLiteral("api_key is missing or wrong"));
    const Catalogue &catalogue = m_store.catalogue();
    const auto category =
        std::find_if(catalogue.categories.begin(), catalogue.categories.end(),
                     [&](const Category &c) { return c.code == value("service_code"); });
    if (category == catalogue.categories.end())
        return open311Error(400, QStringLiteral("service_code is missing or unknown"));
    bool latOk = false;
    bool lonOk = false;
    const double lat = value("lat").toDouble(&latOk);
    const double lon = value("long").toDouble(&lonOk);
    if (!latOk || !lonOk || !std::isfinite(lat) || !std::isfinite(lon) || lat < -90 || lat > 90 ||
        lon < -180 || lon > 180)
        return open311Error(400, QStringLiteral("lat and long must be a point on the globe"));
    const QString description = value("description");
    if (description.size() < 5 || description.size() > 10000)
        return open311Error(400, QStringLiteral("description must be 5 to 10000 characters"));
    const QString address = value("address_string").left(1000);
    const QString email = value("email").left(500);
    const QString phone = value("phone").left(100);
    const QString name =
        (value("first_name") + QLatin1Char(' ') + value("last_name")).trimmed().left(500);

    ServerStore::WriteTransaction transaction(m_store);
    Complaint c;
    c.id = m_store.nextComplaintId();
    c.version = 1;
    c.state = ComplaintState::Moderation;
    c.categoryId = category->id;
    c.text = description;
    c.address = address.isEmpty() ? QStringLiteral("%1, %2").arg(lat, 0, 'f', 6).arg(lon, 0, 'f', 6)
                                  : address;
    c.latitude = lat;
    c.longitude = lon;
    c.createdAt = now;
    c.updatedAt = c.createdAt;
    c.dueDate =
        c.createdAt.toTimeZone(m_config.timeZone).date().addDays(catalogue.rules.answerDays);
    c.authorName = name.isEmpty() ? QString() : name;
    c.authorEmail = email.isEmpty() ? QString() : email;
    c.authorPhone = phone.isEmpty() ? QString() : phone;
    m_store.write(c, {});
    m_store.appendHistory(c.id, c.createdAt, name.isEmpty() ? QStringLiteral("Open311") : name,
                          QStringLiteral("file"), {}, c.text);
    transaction.commit();
    const QJsonArray answer{
        QJsonObject{{QStringLiteral("service_request_id"), QString::number(c.id)},
                    {QStringLiteral("service_notice"),
                     QStringLiteral("Обращение принято и будет опубликовано после модерации.")},
                    {QStringLiteral("account_id"), QJsonValue()}}};
    return ApiResponse::jsonArray(201, QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

} // namespace rd::server
