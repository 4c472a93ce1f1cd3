#pragma once

#include "ServerConfig.h"

#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace rd::server {

// The command-line options of the HTTP front's limits, timeouts and
// threads (docs/deployment.md, "Limits"), the quotas ("Quotas") and the
// metrics token ("Monitoring"), kept apart from main.cpp. Each is also a
// key of the settings file (--config).
void defineHttpOptions(QCommandLineParser &parser);
// Their names (without "--"), for the settings file.
QStringList httpOptionNames();
// Reads them into config; returns what is wrong, or an empty string.
QString readHttpOptions(const QCommandLineParser &parser, ServerConfig &config);

} // namespace rd::server
