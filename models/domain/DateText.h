#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>

namespace rd {

// Dates and times as the desk shows them, in the default locale's language
// (QLocale::setDefault, the interface language): never the US short form
// ("1/24/26", which reads as 1 February elsewhere) and always a 24-hour
// clock. Russian: 24.01.2026, 24.01.2026 20:10. English (and any other
// language): 24 Jan 2026, 24 Jan 2026, 20:10. Long: 24 января 2026 г. /
// 24 January 2026.
namespace DateText {

QString date(const QDate &date);
QString longDate(const QDate &date);
QString time(const QTime &time);
// In local time (a UTC time is converted first).
QString dateTime(const QDateTime &dateTime);
// The display format of a date field one types into: digits only, in an
// order nobody misreads (dd.MM.yyyy in Russian, ISO yyyy-MM-dd otherwise).
QString editFormat();

} // namespace DateText

} // namespace rd
