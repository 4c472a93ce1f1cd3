#pragma once

#include "Catalogue.h"

namespace rd {

namespace sqlite {
class Database;
}

// The catalogue the server publishes (categories, agencies, districts,
// refusal grounds, deadline rules), kept for offline use.
class CatalogueStore final
{
public:
    explicit CatalogueStore(sqlite::Database &db);
    Q_DISABLE_COPY_MOVE(CatalogueStore)

    // Replaces the whole catalogue atomically.
    void replace(const Catalogue &catalogue);
    Catalogue load();

private:
    sqlite::Database &m_db;
};

} // namespace rd
