#pragma once

#include "CacheKeys.h"
#include "LocalCache.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace rd {

class AdminPolicy;

namespace app {

// The administrator's cache/protection (docs/deployment.md); the default,
// keychain, when unset. Only the administrator's policy is read: a user
// cannot turn the encryption off in their own settings. An unknown value
// is reported and read as the default.
CacheProtection cacheProtectionOf(const AdminPolicy &policy);

// The administrator's cache/retentionMonths: how many months closed
// complaints stay in the cache (LocalCache::applyRetention). 12 when unset
// or not a whole number of 0 to MaxRetentionMonths (reported); 0 keeps them.
constexpr int DefaultRetentionMonths = 12;
constexpr int MaxRetentionMonths = 120;
int retentionMonthsOf(const AdminPolicy &policy);

// The administrator's cache/wipeOnSignOut: whether signing out offers to
// wipe the cache (offer, the default) or always wipes it (always).
enum class SignOutWipe
{
    Offer,
    Always,
};
SignOutWipe signOutWipeOf(const AdminPolicy &policy);

// How a command-line command (sync, report, --check-cache, --fill-demo)
// opens a cache: with its key from the system's credential store, or from
// the passphrase in REGIONDESK_CACHE_PASSPHRASE where there is no store (or
// the policy wants a passphrase); plain only where the policy says so.
// Nobody is there to type a passphrase: without one where one is needed,
// it fails with a message that says what to set.
struct CommandCacheOptions
{
    Q_DECLARE_TR_FUNCTIONS(CommandCacheOptions)
public:
    std::optional<CacheOptions> options;
    QString error;

    static CommandCacheOptions resolve(const QString &cachePath, CacheProtection protection,
                                       bool useSystemKeychain = true);
    // What to say when CacheKeys::keyFromPassphrase could not keep its salt.
    static QString saltNotKept(const QString &cachePath);
};

} // namespace app
} // namespace rd
