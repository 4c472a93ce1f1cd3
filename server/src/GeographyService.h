#pragma once

#include "ApiTypes.h"
#include "Catalogue.h"
#include "Geography.h"
#include "Parsed.h"
#include "ServerStore.h"

namespace rd::server {

// The city's geography the server publishes (docs/api.md "Geography"):
// district outlines and street lines for the desks' maps, as GeoJSON with
// an ETag. It is kept in the server's database (meta "geography"), so a
// server started again serves what it was last given: by `--geography
// FILE`, or by the demo (Omsk's).
class GeographyService final
{
public:
    explicit GeographyService(ServerStore &store);
    Q_DISABLE_COPY_MOVE(GeographyService)

    // Publishes geography from now on (also to later runs).
    static void publish(ServerStore &store, const Geography &geography);
    // A GeoJSON file an agency gives with --geography, read and checked: the
    // file must be GeoJSON as docs/api.md describes, and every district_id
    // it names must be a district of the catalogue.
    static Parsed<Geography> readFile(const QString &path, const Catalogue &catalogue);

    ApiResponse geography(const ApiRequest &request) const;
    // The ETag its answers carry (weak: one tag for the plain and the
    // gzip-coded answer).
    const QByteArray &etag() const { return m_etag; }

private:
    QByteArray m_json;
    QByteArray m_etag;
};

} // namespace rd::server
