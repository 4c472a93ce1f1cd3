#pragma once

#include "ServerConfig.h"

#include <QString>

class QCommandLineParser;

namespace rd::server {

// The command-line options of the HTTP front's limits, timeouts and
// threads (docs/deployment.md, "Limits"), kept apart from main.cpp.
void defineHttpOptions(QCommandLineParser &parser);
// Reads them into config; returns what is wrong, or an empty string.
QString readHttpOptions(const QCommandLineParser &parser, ServerConfig &config);

} // namespace rd::server
