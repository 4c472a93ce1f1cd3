#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace rd::server {

// A list for "= ANY(string_to_array($n, ','))": the values are numbers or
// codes without commas; null (no filter) when empty.
template<typename T, typename F>
QString joined(const QList<T> &values, F text)
{
    if (values.isEmpty())
        return {};
    QStringList out;
    for (const T &v : values)
        out.append(text(v));
    return out.join(QLatin1Char(','));
}

} // namespace rd::server
