#pragma once

#include "ApiTypes.h"
#include "Open311Node.h"
#include "ServerConfig.h"
#include "ServerStore.h"

#include <QHash>
#include <QUrlQuery>

#include <optional>

namespace rd::server {

// Public on Open311 in full: the complaint went through publish (not
// undone by return_to_moderation) and is in a state after it. Duplicates
// and rejected complaints never went through publish.
bool isOpen311Public(const Complaint &c);

// The parameters of a GET query or of a form-encoded body, as
// application/x-www-form-urlencoded defines them: every %XX decoded, '+' a
// space, UTF-8. A parameter given twice keeps its first value.
class Open311Params final
{
public:
    Open311Params() = default;
    explicit Open311Params(const QUrlQuery &query);
    static Open311Params fromForm(const QByteArray &body);

    QString value(const char *name) const { return m_values.value(QLatin1String(name)); }
    bool has(const char *name) const { return m_values.contains(QLatin1String(name)); }
    // The value, or else the other parameters' (api_key from the query too).
    Open311Params &fallBackTo(const Open311Params &other);

private:
    QHash<QString, QString> m_values;
};

// Open311 GeoReport v2 over the store (docs/api.md "Open311"), in XML and
// JSON: service discovery, the catalogue's categories as services,
// complaints as requests (published ones in full; others by id, reduced to
// what needs no moderation), filing a request, their photos, and the
// servicerequestupdates extension over the history. Errors in the
// specification's list format, in the format of the URL.
class Open311Service final
{
public:
    Open311Service(ServerStore &store, const ServerConfig &config);
    Q_DISABLE_COPY_MOVE(Open311Service)

    // A request under /open311/; now is the service's time.
    ApiResponse handle(const ApiRequest &request, const QDateTime &now);

private:
    ApiResponse route(const ApiRequest &request, const QString &path, Open311Format format,
                      const QDateTime &now);
    // Open311.cpp
    ApiResponse discovery(Open311Format format) const;
    ApiResponse services(Open311Format format) const;
    ApiResponse serviceDefinition(const QString &code, Open311Format format) const;
    ApiResponse media(const QString &id);
    // Open311Requests.cpp
    ApiResponse oneRequest(qint64 id, Open311Format format);
    ApiResponse requests(const Open311Params &params, const QDateTime &now, Open311Format format);
    ApiResponse requestList(const QList<StoredComplaint> &complaints, Open311Format format);
    Open311Node requestNode(const StoredComplaint &stored,
                            const std::optional<ServerStore::Open311Filing> &filing) const;
    Open311Node reducedRequestNode(const Complaint &c) const;
    // Open311Filing.cpp
    ApiResponse file(const ApiRequest &request, const QDateTime &now, Open311Format format);
    // Open311Updates.cpp
    ApiResponse updates(const Open311Params &params, const QDateTime &now, Open311Format format);
    ApiResponse postUpdate(const ApiRequest &request, const QDateTime &now, Open311Format format);

    bool apiKeyMatches(const Open311Params &params) const;
    const Category *category(int id) const;
    const Category *categoryByCode(const QString &code) const;
    QString agencyName(std::optional<int> id) const;
    QString link(const QString &path) const; // publicUrl + path

    ServerStore &m_store;
    const ServerConfig &m_config;
};

} // namespace rd::server
