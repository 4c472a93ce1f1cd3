#include "QueueQuery.h"

#include <QStringList>

namespace rd {

QString QueueQuery::matchExpression(const QString &text)
{
    // Split where unicode61 would: anything that is not a letter, digit or
    // combining mark separates words (so "ул.Ленина,5" gives three words).
    QStringList terms;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty())
            terms.append(QLatin1Char('"') + word + QStringLiteral("\"*"));
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
    return terms.join(QLatin1Char(' '));
}

} // namespace rd
