#pragma once

#include "CacheKeys.h"
#include "LocalCache.h"

#include <QProcessEnvironment>

namespace rd::test {

// The command-line tests run the program as on a machine without a
// credential store (the session bus unreachable, whatever the machine has),
// so their caches are encrypted with a key from this passphrase, given as
// the demo gives it (docs/cache.md, "Keys").
inline constexpr char CliCachePassphrase[] = "cli-tests-passphrase";

inline void useCliCacheEnvironment(QProcessEnvironment &env)
{
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/regiondesk-tests-bus"));
    env.insert(QStringLiteral("REGIONDESK_CACHE_PASSPHRASE"),
               QString::fromLatin1(CliCachePassphrase));
}

// How a test opens a cache the program made: with the same key.
inline CacheOptions cliCacheOptions(const QString &cachePath)
{
    CacheOptions options;
    options.key = CacheKeys::keyFromPassphrase(cachePath, QString::fromLatin1(CliCachePassphrase));
    return options;
}

} // namespace rd::test
