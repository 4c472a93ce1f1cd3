#pragma once

#include "ApiTypes.h"
#include "ServerConfig.h"
#include "ServerStore.h"

#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

namespace rd::server {

// Open311 GeoReport v2 over the store (docs/api.md "Open311"): the
// catalogue's categories as services, published complaints as requests
// (one, or a filtered list), their photos, and filing a request into
// moderation with the API key. One function per endpoint; errors in the
// specification's list format.
class Open311Service final
{
public:
    Open311Service(ServerStore &store, const ServerConfig &config);
    Q_DISABLE_COPY_MOVE(Open311Service)

    // A request under /open311/v2/; now is the service's time.
    ApiResponse handle(const ApiRequest &request, const QDateTime &now);

private:
    ApiResponse services() const;
    ApiResponse service(const QString &code) const;
    ApiResponse media(const QString &id);
    ApiResponse oneRequest(const QString &id, const QByteArray &host);
    ApiResponse requests(const QUrlQuery &q, const QByteArray &host, const QDateTime &now);
    ApiResponse file(const ApiRequest &request, const QDateTime &now);

    QJsonObject requestJson(const StoredComplaint &s, const QByteArray &host) const;
    const Category *category(int id) const;
    QString agencyName(std::optional<int> id) const;

    ServerStore &m_store;
    const ServerConfig &m_config;
};

} // namespace rd::server
