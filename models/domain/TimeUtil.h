#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace rd {

// A UTC QDateTime from milliseconds since the epoch, without the heap-held
// time zone that QTimeZone::utc() would cost on Qt 6.4.
inline QDateTime utcFromMs(qint64 ms)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
#else
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
#endif
}

} // namespace rd
