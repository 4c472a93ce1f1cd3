#include "DateText.h"

#include <QLocale>

namespace rd::DateText {

namespace {

bool russian(const QLocale &locale)
{
    return locale.language() == QLocale::Russian;
}

} // namespace

QString date(const QDate &date)
{
    if (!date.isValid())
        return {};
    const QLocale locale;
    return locale.toString(date, russian(locale) ? QStringLiteral("dd.MM.yyyy")
                                                 : QStringLiteral("d MMM yyyy"));
}

QString longDate(const QDate &date)
{
    if (!date.isValid())
        return {};
    const QLocale locale;
    return locale.toString(date, russian(locale) ? QStringLiteral("d MMMM yyyy 'г.'")
                                                 : QStringLiteral("d MMMM yyyy"));
}

QString time(const QTime &time)
{
    return time.isValid() ? QLocale().toString(time, QStringLiteral("HH:mm")) : QString();
}

QString dateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    const QDateTime local = dateTime.toLocalTime();
    const QLocale locale;
    return russian(locale) ? date(local.date()) + QLatin1Char(' ') + time(local.time())
                           : date(local.date()) + QStringLiteral(", ") + time(local.time());
}

QString editFormat()
{
    return russian(QLocale()) ? QStringLiteral("dd.MM.yyyy") : QStringLiteral("yyyy-MM-dd");
}

} // namespace rd::DateText
