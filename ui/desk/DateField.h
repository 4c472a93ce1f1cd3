#pragma once

#include <QDateEdit>

namespace rd {

// A date field one can type into without aiming: digits typed anywhere in it
// go into the day, month and year in turn (a QDateEdit drops them unless its
// cursor happens to be in a section it can still fill), also straight from
// "no date chosen" (the minimum shown as its special text, where the first
// digit starts from suggestedDate()). The format is DateText::editFormat():
// never the US short form.
class DateField final : public QDateEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DateField)
public:
    explicit DateField(QWidget *parent = nullptr);

    // Where typing starts when no date is chosen yet (default: the day after
    // the minimum).
    void setSuggestedDate(const QDate &date) { m_suggested = date; }
    QDate suggestedDate() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    // Tab goes day, month, year, then on; from "no date chosen" (which has
    // no sections to go through, so QDateEdit kept Tab for ever) straight on.
    bool focusNextPrevChild(bool next) override;

private:
    static int sectionLength(Section section); // digits in a full section

    QDate m_suggested;
};

} // namespace rd
