#pragma once

#include <QString>
#include <QUrl>

namespace rd {

// The one form of a server's address and of an account, used wherever one
// is compared or stored: the account key names a cache's owner, the stored
// token and the desk's cache file, so "http://host:8080/" and
// "http://host:8080" must be the same account (they were two, and the
// command line waited for ever on the second).

// The server as typed, with what does not change the server removed: a
// trailing slash, a default port (80 for http, 443 for https), an empty
// query or fragment, ./ and ../ segments. The host is lower case (QUrl).
QUrl normalizedServer(const QUrl &server);

// "server|login" with the server normalised.
QString accountKey(const QUrl &server, const QString &login);

// An account key written by an older version (a server with a trailing
// slash, say) in today's form; keys without a '|' are returned unchanged.
QString canonicalAccountKey(const QString &key);

} // namespace rd
