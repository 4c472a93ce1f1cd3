#pragma once

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>

namespace rd::server {

// One sign-in attempt as the audit trail records it.
struct SignInEvent
{
    enum class Outcome
    {
        Succeeded,
        Failed,    // wrong login or password
        LockedOut, // a failure that locked the login or the address
        Refused    // not tried: locked (429); only the first refusal of a lockout
    };
    QDateTime at;
    QString login; // as sent (may be empty or anything)
    QString address;
    Outcome outcome = Outcome::Failed;
    qint64 retryAfterSecs = 0; // LockedOut, Refused: how long the lock lasts
};

// Where sign-in events go. The server passes auditSignIn (the server log,
// category regiondesk.server.audit); a persistent audit log can take its
// place without the HTTP front changing.
using SignInAudit = std::function<void(const SignInEvent &)>;
void auditSignIn(const SignInEvent &event);
// Text as the log writes it: quoted, at most 200 characters, control
// characters, quotes and backslashes escaped, so a name cannot forge log
// lines (the sign-in and quota audit lines).
QString quotedForLog(const QString &text);

// Sign-in throttling per login and per client address (docs/api.md, 429):
// failures are counted in a window of lockoutSecs from the first; at the
// limit the login (or address) is locked for lockoutSecs. Attempts still
// being checked count as failures until they succeed, so many sign-ins
// sent at once cannot pass the limit. A success clears its login's count
// (not its address's). In memory, per process; thread-safe.
class SignInThrottle final
{
public:
    struct Limits
    {
        int failuresPerLogin = 5;
        int failuresPerAddress = 30;
        qint64 lockoutMs = 900'000;
        // Failures in the window after which a login's (or an address's)
        // next attempts count as guesses: checked at the lower priority. A
        // user who mistyped once is not one.
        int guessAfterLoginFailures = 2;
        int guessAfterAddressFailures = 5;
    };
    explicit SignInThrottle(const Limits &limits)
        : m_limits(limits)
    {}
    Q_DISABLE_COPY_MOVE(SignInThrottle)

    struct Admission
    {
        bool admitted = false;
        qint64 retryAfterMs = 0;   // when not admitted
        bool firstRefusal = false; // the first refusal since the lock began (to audit)
        bool clean = false;        // admitted, and neither login nor address failed lately
        bool guess = false;        // admitted, and the login or the address failed repeatedly
    };
    // Before an attempt, at nowMs (a monotonic clock): whether it may go
    // ahead; if so it is counted as pending until finish().
    Admission admit(const QString &login, const QString &address, qint64 nowMs);
    enum class Result
    {
        Succeeded,
        Failed,    // wrong login or password
        NotChecked // the request was malformed; no password was checked
    };
    // After an admitted attempt. Returns the lockout it caused (ms), or 0.
    qint64 finish(const QString &login, const QString &address, Result result, qint64 nowMs);

private:
    struct Entry
    {
        int failures = 0;
        int pending = 0;
        qint64 windowStart = 0;
        qint64 lockedUntil = 0;
        bool refusalAudited = false;
    };
    Admission check(Entry &entry, int limit, qint64 nowMs) const;
    qint64 count(Entry &entry, int limit, bool failed, qint64 nowMs) const;
    void sweep(QHash<QString, Entry> &entries, qint64 nowMs) const;

    const Limits m_limits;
    QMutex m_mutex;
    QHash<QString, Entry> m_logins;    // guarded by m_mutex
    QHash<QString, Entry> m_addresses; // guarded by m_mutex
};

} // namespace rd::server
