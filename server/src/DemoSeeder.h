#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace rd::server {

class ServerStore;

// Fills an empty server database with the Omsk demo: the catalogue, the
// city's geography (district outlines and streets), one user per role (password "demo"), and count
// complaints with their histories and photos. Returns lines describing the demo users, for printing
// at start.
QStringList seedDemo(ServerStore &store, int count, quint32 seed, const QDateTime &now);

} // namespace rd::server
