// Open311 GeoReport v2 (docs/api.md "Open311"): routing by path and format,
// service discovery, services, their photos. Requests are in
// Open311Requests.cpp, filing in Open311Filing.cpp, updates in
// Open311Updates.cpp.

#include "Open311Service.h"

#include "Passwords.h"

#include <QRegularExpression>

namespace rd::server {

namespace {

// When the endpoints of docs/api.md "Open311" last changed (discovery's
// changeset): a fact about this server's code, not about its data.
const char *const EndpointsChanged = "2026-12-02T00:00:00Z";

} // namespace

bool isOpen311Public(const Complaint &c)
{
    switch (c.state) {
    case ComplaintState::Moderation:
    case ComplaintState::Rejected:
    case ComplaintState::Duplicate:
        return false;
    default:
        return c.publishedAt.isValid();
    }
}

Open311Params::Open311Params(const QUrlQuery &query)
{
    // Items still encoded, so that '+' (a space) and %2B (a plus) differ.
    for (const auto &[key, value] : query.queryItems(QUrl::FullyEncoded)) {
        const auto decode = [](QString text) {
            return QUrl::fromPercentEncoding(
                text.replace(QLatin1Char('+'), QLatin1Char(' ')).toLatin1());
        };
        const QString name = decode(key);
        if (!m_values.contains(name))
            m_values.insert(name, decode(value));
    }
}

Open311Params Open311Params::fromForm(const QByteArray &body)
{
    return Open311Params(QUrlQuery(QString::fromLatin1(body)));
}

Open311Params &Open311Params::fallBackTo(const Open311Params &other)
{
    for (auto it = other.m_values.begin(); it != other.m_values.end(); ++it) {
        if (!m_values.contains(it.key()))
            m_values.insert(it.key(), it.value());
    }
    return *this;
}

Open311Service::Open311Service(ServerStore &store, const ServerConfig &config, Quotas &quotas)
    : m_store(store)
    , m_config(config)
    , m_quotas(quotas)
{}

const Category *Open311Service::category(int id) const
{
    for (const Category &c : m_store.catalogue().categories)
        if (c.id == id)
            return &c;
    return nullptr;
}

const Category *Open311Service::categoryByCode(const QString &code) const
{
    for (const Category &c : m_store.catalogue().categories)
        if (c.code == code)
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

QString Open311Service::link(const QString &path) const
{
    QString base = m_config.publicUrl.toString(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + path;
}

bool Open311Service::apiKeyMatches(const Open311Params &params) const
{
    return !m_config.open311ApiKey.isEmpty() &&
           Passwords::constantTimeEquals(params.value("api_key").toUtf8(),
                                         m_config.open311ApiKey.toUtf8());
}

ApiResponse Open311Service::handle(const ApiRequest &request, const QDateTime &now)
{
    QString path = request.path.mid(QStringLiteral("/open311/").size());
    Open311Format format = Open311Format::Json;
    static const QRegularExpression suffix(QStringLiteral(R"(^(.+)\.(xml|json)$)"));
    if (const auto m = suffix.match(path); m.hasMatch()) {
        format = m.captured(2) == QLatin1String("xml") ? Open311Format::Xml : Open311Format::Json;
        path = m.captured(1);
    } else if (!path.startsWith(QLatin1String("v2/media/"))) {
        return open311Error(404, QStringLiteral("No such endpoint: add .xml or .json"), format);
    }
    return route(request, path, format, now);
}

ApiResponse Open311Service::route(const ApiRequest &request, const QString &path,
                                  Open311Format format, const QDateTime &now)
{
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    const auto wrongMethod = [&](const char *allowed) {
        ApiResponse r =
            open311Error(405, QStringLiteral("%1 only").arg(QLatin1String(allowed)), format);
        r.addHeader("Allow", QByteArray(allowed).replace(" or ", ", "));
        return r;
    };
    if (path == QLatin1String("discovery") || path == QLatin1String("v2/discovery"))
        return get ? discovery(format) : wrongMethod("GET");
    if (path == QLatin1String("v2/services"))
        return get ? services(format) : wrongMethod("GET");
    if (path == QLatin1String("v2/requests"))
        return get    ? requests(Open311Params(request.query), now, format)
               : post ? file(request, now, format)
                      : wrongMethod("GET or POST");
    if (path == QLatin1String("v2/servicerequestupdates"))
        return get    ? updates(Open311Params(request.query), now, format)
               : post ? postUpdate(request, now, format)
                      : wrongMethod("GET or POST");
    static const QRegularExpression serviceRe(QStringLiteral(R"(^v2/services/([^/]{1,64})$)"));
    if (const auto m = serviceRe.match(path); m.hasMatch())
        return get ? serviceDefinition(m.captured(1), format) : wrongMethod("GET");
    static const QRegularExpression oneRe(QStringLiteral(R"(^v2/requests/([^/]{1,64})$)"));
    if (const auto m = oneRe.match(path); m.hasMatch()) {
        if (!get)
            return wrongMethod("GET");
        bool ok = false;
        const qint64 id = m.captured(1).toLongLong(&ok);
        if (!ok || id < 1)
            return open311Error(404, QStringLiteral("No request %1").arg(m.captured(1)), format);
        return oneRequest(id, format);
    }
    static const QRegularExpression mediaRe(QStringLiteral(R"(^v2/media/([A-Za-z0-9_-]{1,64})$)"));
    if (const auto m = mediaRe.match(path); m.hasMatch())
        return get ? media(m.captured(1)) : wrongMethod("GET");
    return open311Error(404, QStringLiteral("No such endpoint"), format);
}

ApiResponse Open311Service::discovery(Open311Format format) const
{
    Open311Node formats = Open311Node::list(QStringLiteral("format"));
    formats.append(Open311Node::text(QStringLiteral("text/xml")))
        .append(Open311Node::text(QStringLiteral("application/json")));
    Open311Node endpoints = Open311Node::list(QStringLiteral("endpoint"));
    endpoints.append(Open311Node::object()
                         .add(QStringLiteral("specification"),
                              QStringLiteral("http://wiki.open311.org/GeoReport_v2"))
                         .add(QStringLiteral("url"), link(QStringLiteral("/open311/v2")))
                         .add(QStringLiteral("changeset"), QLatin1String(EndpointsChanged))
                         .add(QStringLiteral("type"), QStringLiteral("production"))
                         .add(QStringLiteral("formats"), formats));
    const Open311Node root =
        Open311Node::object()
            .add(QStringLiteral("changeset"), QLatin1String(EndpointsChanged))
            .add(QStringLiteral("contact"),
                 QStringLiteral("The agency that runs this RegionDesk server"))
            .add(QStringLiteral("key_service"),
                 QStringLiteral("Ask the agency that runs this server for an API key"))
            .add(QStringLiteral("endpoints"), endpoints);
    return open311Answer(200, root, QStringLiteral("discovery"), format);
}

ApiResponse Open311Service::services(Open311Format format) const
{
    Open311Node list = Open311Node::list(QStringLiteral("service"));
    for (const Category &c : m_store.catalogue().categories) {
        list.append(Open311Node::object()
                        .add(QStringLiteral("service_code"), c.code)
                        .add(QStringLiteral("service_name"), c.name)
                        .add(QStringLiteral("description"), c.name)
                        .add(QStringLiteral("metadata"), Open311Node::boolean(false))
                        .add(QStringLiteral("type"), QStringLiteral("realtime"))
                        .add(QStringLiteral("keywords"), QString())
                        .add(QStringLiteral("group"), agencyName(c.defaultAgencyId)));
    }
    return open311Answer(200, list, QStringLiteral("services"), format);
}

ApiResponse Open311Service::serviceDefinition(const QString &code, Open311Format format) const
{
    if (!categoryByCode(code))
        return open311Error(404, QStringLiteral("No service %1").arg(code), format);
    const Open311Node definition =
        Open311Node::object()
            .add(QStringLiteral("service_code"), code)
            .add(QStringLiteral("attributes"), Open311Node::list(QStringLiteral("attribute")));
    return open311Answer(200, definition, QStringLiteral("service_definition"), format);
}

ApiResponse Open311Service::media(const QString &id)
{
    QString sha256;
    const auto photo = m_store.photo(id, &sha256);
    const auto owner = photo ? m_store.complaint(photo->complaintId) : std::nullopt;
    if (!photo || !owner || !isOpen311Public(owner->complaint))
        return open311Error(404, QStringLiteral("No such media"), Open311Format::Json);
    const PhotoFiles::Read data = m_store.photoData(*photo, sha256);
    if (!data.error.isEmpty())
        return open311Error(500, QStringLiteral("This media cannot be read now"),
                            Open311Format::Json);
    ApiResponse r;
    r.contentType = photo->mimeType.toLatin1();
    r.addHeader("Cache-Control", "public, max-age=604800");
    r.body = data.data;
    return r;
}

} // namespace rd::server
