#include "SignInThrottle.h"

#include <QLoggingCategory>
#include <QMutexLocker>

#include <algorithm>

Q_LOGGING_CATEGORY(lcAudit, "regiondesk.server.audit")

namespace rd::server {

namespace {

constexpr qsizetype SweepAbove = 10'000; // entries kept before expired ones are dropped

} // namespace

QString quotedForLog(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text.left(200)) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QLatin1Char('"') ||
            c == QLatin1Char('\\'))
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

void auditSignIn(const SignInEvent &event)
{
    const QString who =
        QStringLiteral("login %1 from %2").arg(quotedForLog(event.login), event.address);
    switch (event.outcome) {
    case SignInEvent::Outcome::Succeeded:
        qCInfo(lcAudit).noquote() << "sign-in succeeded:" << who;
        break;
    case SignInEvent::Outcome::Failed:
        qCWarning(lcAudit).noquote() << "sign-in failed:" << who;
        break;
    case SignInEvent::Outcome::LockedOut:
        qCWarning(lcAudit).noquote()
            << "sign-in failed, locked for" << event.retryAfterSecs << "s:" << who;
        break;
    case SignInEvent::Outcome::Refused:
        qCWarning(lcAudit).noquote() << "sign-in refused while locked (further refusals of this "
                                        "lockout not logged), retry after"
                                     << event.retryAfterSecs << "s:" << who;
        break;
    }
}

SignInThrottle::Admission SignInThrottle::check(Entry &entry, int limit, qint64 nowMs) const
{
    Admission a;
    if (entry.lockedUntil > nowMs) {
        a.retryAfterMs = entry.lockedUntil - nowMs;
        a.firstRefusal = !entry.refusalAudited;
        entry.refusalAudited = true;
        return a;
    }
    if (entry.windowStart + m_limits.lockoutMs <= nowMs) {
        entry.failures = 0; // the window passed
        entry.windowStart = nowMs;
    }
    if (entry.failures + entry.pending >= limit) {
        a.retryAfterMs = 1000; // the pending attempts decide; try again soon
        return a;
    }
    a.admitted = true;
    return a;
}

SignInThrottle::Admission SignInThrottle::admit(const QString &login, const QString &address,
                                                qint64 nowMs)
{
    const QMutexLocker lock(&m_mutex);
    if (m_logins.size() > SweepAbove)
        sweep(m_logins, nowMs);
    if (m_addresses.size() > SweepAbove)
        sweep(m_addresses, nowMs);
    Entry &byAddress = m_addresses[address];
    Admission a = check(byAddress, m_limits.failuresPerAddress, nowMs);
    if (!a.admitted)
        return a;
    Entry &byLogin = m_logins[login.toLower()];
    a = check(byLogin, m_limits.failuresPerLogin, nowMs);
    if (!a.admitted)
        return a;
    a.clean = byAddress.failures == 0 && byLogin.failures == 0;
    a.guess = byLogin.failures >= m_limits.guessAfterLoginFailures ||
              byAddress.failures >= m_limits.guessAfterAddressFailures;
    ++byAddress.pending;
    ++byLogin.pending;
    return a;
}

qint64 SignInThrottle::count(Entry &entry, int limit, bool failed, qint64 nowMs) const
{
    entry.pending = std::max(0, entry.pending - 1);
    if (!failed)
        return 0;
    if (entry.failures == 0)
        entry.windowStart = nowMs;
    if (++entry.failures < limit || entry.lockedUntil > nowMs)
        return 0;
    entry.lockedUntil = nowMs + m_limits.lockoutMs;
    entry.refusalAudited = false;
    entry.failures = 0;
    entry.windowStart = entry.lockedUntil;
    return m_limits.lockoutMs;
}

qint64 SignInThrottle::finish(const QString &login, const QString &address, Result result,
                              qint64 nowMs)
{
    const bool succeeded = result == Result::Succeeded;
    const bool failed = result == Result::Failed;
    const QMutexLocker lock(&m_mutex);
    Entry &byLogin = m_logins[login.toLower()];
    const qint64 loginLock = count(byLogin, m_limits.failuresPerLogin, failed, nowMs);
    if (succeeded)
        byLogin.failures = 0;
    const qint64 addressLock =
        count(m_addresses[address], m_limits.failuresPerAddress, failed, nowMs);
    return std::max(loginLock, addressLock);
}

void SignInThrottle::sweep(QHash<QString, Entry> &entries, qint64 nowMs) const
{
    for (auto it = entries.begin(); it != entries.end();) {
        const bool idle = it->pending == 0 && it->lockedUntil <= nowMs &&
                          it->windowStart + m_limits.lockoutMs <= nowMs;
        it = idle ? entries.erase(it) : std::next(it);
    }
}

} // namespace rd::server
