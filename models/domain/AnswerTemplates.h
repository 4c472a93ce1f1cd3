#pragma once

#include "Catalogue.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace rd::AnswerTemplates {

// The actions a template may be for: those whose answer is a text.
const QStringList &actions();
// The placeholders a template may hold, without their braces: number,
// address, date, agency, executor.
const QStringList &placeholders();

// What the placeholders stand for, for one complaint and one answer. Empty
// (or 0, or an invalid date): not known, so the placeholder stays.
struct Values
{
    qint64 number = 0; // {number}: the complaint's number
    QString address;   // {address}
    QDate date;        // {date}: the answer's date (a deadline's, else today)
    QString agency;    // {agency}: the responsible agency's name
    QString executor;  // {executor}: who answers
};

// text with every placeholder it knows a value for filled in; the rest
// stay as they are ("{executor}"), for the editor to mark.
QString fill(const QString &text, const Values &values);

// The placeholders left in text ("{date}", in order, each once): anything
// in braces that looks like one, known or not. An answer with any is not
// sent.
QStringList left(const QString &text);

// The placeholders in text that are not one of placeholders() ("{numbr}").
QStringList unknown(const QString &text);

// The catalogue's templates for an action and a category: the category's
// own first, then those for every category, each group by title.
QList<AnswerTemplate> applicable(const Catalogue &catalogue, const QString &action, int categoryId);

} // namespace rd::AnswerTemplates
