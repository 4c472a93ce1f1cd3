#include "Diagnostics.h"

#include "Clock.h"
#include "SyncController.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>

namespace rd {

namespace {

bool isSecretOrBulky(const QString &key)
{
    static const QRegularExpression secret(
        QStringLiteral("password|token|secret|credential|geometry|state|splitter|columns"),
        QRegularExpression::CaseInsensitiveOption);
    return secret.match(key).hasMatch();
}

} // namespace

QString redactSecrets(QString line)
{
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral("(Bearer\\s+)\\S+"),
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(
            QStringLiteral("(\"?(?:token|password|secret)\"?\\s*[:=]\\s*\"?)[^\\s\",}]+"),
            QRegularExpression::CaseInsensitiveOption),
    };
    for (const QRegularExpression &pattern : patterns)
        line.replace(pattern, QStringLiteral("\\1[hidden]"));
    return line;
}

QString redactPersonal(QString line)
{
    static const QRegularExpression email(
        QStringLiteral("[\\w.+-]+(?:@|%40)[\\w-]+(?:\\.[\\w-]+)+"),
        QRegularExpression::UseUnicodePropertiesOption);
    // Separators as people type them: spaces (also no-break), hyphens and
    // dashes, brackets. Not dots: those are IP addresses, versions, dates.
    const QString sep = QStringLiteral("[\\s\\x{00A0}()\\x{2010}-\\x{2013}-]*");
    static const QRegularExpression patterns[] = {
        // +7 913 123-45-67, 8 (3812) 12-34-56, +44 20 7946 0958, 89131234567:
        // a plus or a leading 7 or 8, then ten or more digits.
        QRegularExpression(
            QStringLiteral("(?<![\\w.])(?:\\+\\d|[78])%1(?:\\d%1){9,13}\\d(?!\\d)").arg(sep),
            QRegularExpression::UseUnicodePropertiesOption),
        // Without the country: 913 123-45-67, (3812) 12-34-56, 12-34-56.
        QRegularExpression(QStringLiteral("(?<![\\w.])(?:\\(\\d{3,5}\\)%1|\\d{3}[\\s\\x{00A0}-])?"
                                          "\\d{2,3}[\\s\\x{00A0}-]\\d{2}[\\s\\x{00A0}-]\\d{2}"
                                          "(?![\\w.:-])")
                               .arg(sep),
                           QRegularExpression::UseUnicodePropertiesOption),
    };
    line.replace(email, QStringLiteral("[e-mail]"));
    for (const QRegularExpression &phone : patterns)
        line.replace(phone, QStringLiteral("[phone]"));
    return line;
}

QString diagnosticsText(const QSettings &settings, const DiagnosticsInput &input)
{
    QStringList out;
    const auto section = [&](const QString &title) {
        out << QString() << QStringLiteral("== %1 ==").arg(title);
    };
    out << QStringLiteral("RegionDesk %1 — diagnostics, %2")
               .arg(QCoreApplication::applicationVersion(),
                    Clock::system().now().toLocalTime().toString(Qt::ISODate));
    section(QStringLiteral("Platform"));
    out << QStringLiteral("Qt %1 (built with %2)")
               .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))
        << QStringLiteral("OS: %1, kernel %2 %3, %4")
               .arg(QSysInfo::prettyProductName(), QSysInfo::kernelType(),
                    QSysInfo::kernelVersion(), QSysInfo::currentCpuArchitecture())
        << QStringLiteral("Locale: %1").arg(QLocale().name());
    section(QStringLiteral("Places"));
    out << QStringLiteral("Settings: %1").arg(settings.fileName())
        << QStringLiteral("Data: %1")
               .arg(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        << QStringLiteral("Cache: %1").arg(input.cachePath)
        << QStringLiteral("Log: %1").arg(input.logPath);
    section(QStringLiteral("Administrator's settings"));
    if (input.lockedKeys.isEmpty())
        out << QStringLiteral("(none)");
    else
        out << QStringLiteral("From: %1").arg(input.policySources.join(QStringLiteral(", ")))
            << QStringLiteral("Locked: %1").arg(input.lockedKeys.join(QStringLiteral(", ")));
    section(QStringLiteral("Settings"));
    for (const QString &key : settings.allKeys()) {
        if (isSecretOrBulky(key))
            continue;
        const QVariant value = settings.value(key);
        out << QStringLiteral("%1 = %2").arg(key,
                                             value.typeId() == QMetaType::QStringList
                                                 ? value.toStringList().join(QStringLiteral(", "))
                                                 : value.toString());
    }
    section(QStringLiteral("Synchronisation"));
    out << QStringLiteral("Signed in as: %1")
               .arg(input.signedInAs.isEmpty() ? QStringLiteral("-") : input.signedInAs);
    if (const SyncStatus *s = input.sync) {
        out << QStringLiteral("Online: %1, syncing: %2, sign-in required: %3")
                   .arg(s->online ? QStringLiteral("yes") : QStringLiteral("no"),
                        s->syncing ? QStringLiteral("yes") : QStringLiteral("no"),
                        s->signInRequired ? QStringLiteral("yes") : QStringLiteral("no"))
            << QStringLiteral("Last success: %1")
                   .arg(s->lastSuccess.isValid() ? s->lastSuccess.toString(Qt::ISODate)
                                                 : QStringLiteral("never"))
            << QStringLiteral("Outbox: %1 pending, %2 conflicts, %3 failed")
                   .arg(s->pendingActions)
                   .arg(s->conflicts)
                   .arg(s->failedActions)
            << QStringLiteral("Last error: %1")
                   .arg(s->lastError.isEmpty() ? QStringLiteral("-") : redactSecrets(s->lastError))
            << QStringLiteral("Next retry: %1")
                   .arg(s->nextRetry.isValid() ? s->nextRetry.toString(Qt::ISODate)
                                               : QStringLiteral("-"));
    } else {
        out << QStringLiteral("(not started)");
    }
    section(QStringLiteral("Last log lines"));
    for (const QString &line : input.logLines)
        out << redactPersonal(redactSecrets(line));
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace rd
