#include "QueueQuery.h"

#include <QStringList>

namespace rd {

QString QueueQuery::matchExpression(const QString &text)
{
    // Split where unicode61 would: anything that is not a letter, digit or
    // combining mark separates words (so "ул.Ленина,5" gives three words).
    QStringList words;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty())
            words.append(word);
        word.clear();
    };
    for (const QChar c : text) {
        if (c == u'ё' || c == u'Ё') // folded like the index (CacheSchema step 3)
            word.append(u'е');
        else if (c.isLetterOrNumber() || c.isMark())
            word.append(c);
        else
            flush();
    }
    flush();
    // One character alone ("л", the first key typed) matches a good part of
    // a region's cache (28 % of a million) and narrows nothing: no filter
    // until a second one, which the two-character prefix index serves.
    if (words.size() == 1 && words.first().size() == 1)
        return {};
    QStringList terms;
    for (const QString &w : std::as_const(words))
        terms.append(QLatin1Char('"') + w + QStringLiteral("\"*"));
    return terms.join(QLatin1Char(' '));
}

QString QueueQuery::polygonText(const QList<QPointF> &polygon)
{
    QStringList vertices;
    vertices.reserve(polygon.size());
    for (const QPointF &p : polygon)
        vertices << QStringLiteral("%1 %2").arg(p.x(), 0, 'f', 7).arg(p.y(), 0, 'f', 7);
    return vertices.join(QLatin1Char(';'));
}

bool QueueQuery::polygonContains(const QList<QPointF> &polygon, double latitude, double longitude)
{
    // Even-odd rule, latitude as y and longitude as x (areas of a city:
    // the plane is close enough).
    bool inside = false;
    for (qsizetype i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const QPointF &a = polygon[i];
        const QPointF &b = polygon[j];
        if ((a.x() > latitude) != (b.x() > latitude) &&
            longitude < (b.y() - a.y()) * (latitude - a.x()) / (b.x() - a.x()) + a.y())
            inside = !inside;
    }
    return inside;
}

} // namespace rd
