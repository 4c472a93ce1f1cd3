#include "AnswerTemplates.h"

#include <QRegularExpression>

#include <algorithm>

namespace rd::AnswerTemplates {

namespace {

const QRegularExpression &placeholderPattern()
{
    // Latin or Cyrillic letters, digits and '_' in braces: what a person
    // means as a placeholder, mistyped or not. "{ }" or "{1, 2}" are text.
    static const QRegularExpression re(QStringLiteral("\\{[\\p{L}_][\\p{L}\\p{N}_]{0,31}\\}"));
    return re;
}

} // namespace

const QStringList &actions()
{
    static const QStringList list{QStringLiteral("solve"), QStringLiteral("set_deadline"),
                                  QStringLiteral("extend_deadline"), QStringLiteral("refuse"),
                                  QStringLiteral("note")};
    return list;
}

const QStringList &placeholders()
{
    static const QStringList list{QStringLiteral("number"), QStringLiteral("address"),
                                  QStringLiteral("date"), QStringLiteral("agency"),
                                  QStringLiteral("executor")};
    return list;
}

QString fill(const QString &text, const Values &values)
{
    const QString known[] = {
        values.number > 0 ? QString::number(values.number) : QString(), values.address.trimmed(),
        // Digits, as an official letter writes them in any language.
        values.date.isValid() ? values.date.toString(QStringLiteral("dd.MM.yyyy")) : QString(),
        values.agency.trimmed(), values.executor.trimmed()};
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    for (auto it = placeholderPattern().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(from, m.capturedStart() - from);
        const QString name = m.captured().mid(1).chopped(1);
        const qsizetype i = placeholders().indexOf(name);
        out += i >= 0 && !known[i].isEmpty() ? known[i] : m.captured();
        from = m.capturedEnd();
    }
    out += QStringView(text).mid(from);
    return out;
}

QStringList left(const QString &text)
{
    QStringList out;
    for (auto it = placeholderPattern().globalMatch(text); it.hasNext();) {
        const QString p = it.next().captured();
        if (!out.contains(p))
            out.append(p);
    }
    return out;
}

QStringList unknown(const QString &text)
{
    QStringList out;
    for (const QString &p : left(text)) {
        if (!placeholders().contains(p.mid(1).chopped(1)))
            out.append(p);
    }
    return out;
}

QList<AnswerTemplate> applicable(const Catalogue &catalogue, const QString &action, int categoryId)
{
    QList<AnswerTemplate> own, general;
    for (const AnswerTemplate &t : catalogue.answerTemplates) {
        if (t.action != action)
            continue;
        if (!t.categoryId)
            general.append(t);
        else if (*t.categoryId == categoryId)
            own.append(t);
    }
    const auto byTitle = [](const AnswerTemplate &a, const AnswerTemplate &b) {
        return QString::localeAwareCompare(a.title, b.title) < 0;
    };
    std::stable_sort(own.begin(), own.end(), byTitle);
    std::stable_sort(general.begin(), general.end(), byTitle);
    return own + general;
}

} // namespace rd::AnswerTemplates
