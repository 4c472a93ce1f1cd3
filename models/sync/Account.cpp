#include "Account.h"

namespace rd {

QUrl normalizedServer(const QUrl &server)
{
    QUrl url = server.adjusted(QUrl::NormalizePathSegments | QUrl::StripTrailingSlash |
                               QUrl::RemoveFragment);
    if (url.path() == QLatin1String("/")) // StripTrailingSlash keeps a lone "/"
        url.setPath(QString());
    if (url.query().isEmpty())
        url.setQuery(QString());
    const QString scheme = url.scheme().toLower();
    if ((scheme == QLatin1String("http") && url.port() == 80) ||
        (scheme == QLatin1String("https") && url.port() == 443))
        url.setPort(-1);
    return url;
}

QString accountKey(const QUrl &server, const QString &login)
{
    return normalizedServer(server).toString() + QLatin1Char('|') + login;
}

QString canonicalAccountKey(const QString &key)
{
    const qsizetype bar = key.lastIndexOf(QLatin1Char('|'));
    if (bar < 0)
        return key;
    return accountKey(QUrl(key.left(bar)), key.mid(bar + 1));
}

} // namespace rd
