#include "DateField.h"

#include "DateText.h"

#include <QKeyEvent>
#include <QLineEdit>

namespace rd {

DateField::DateField(QWidget *parent)
    : QDateEdit(parent)
{
    setDisplayFormat(DateText::editFormat());
    setCalendarPopup(true);
}

QDate DateField::suggestedDate() const
{
    return m_suggested.isValid() ? m_suggested : minimumDate().addDays(1);
}

void DateField::keyPressEvent(QKeyEvent *event)
{
    const QString text = event->text();
    const bool digit = text.size() == 1 && text.at(0).isDigit() &&
                       !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
    if (digit) {
        const bool none = !specialValueText().isEmpty() && date() == minimumDate();
        if (none) {
            // Start from a real date, so the digits have sections to go into.
            setDate(suggestedDate());
            setCurrentSection(sectionAt(0));
            setSelectedSection(currentSection());
        } else if (lineEdit()->selectedText().isEmpty() &&
                   sectionText(currentSection()).size() >= sectionLength(currentSection())) {
            // The cursor sits in a section that is already full (after a
            // click at its end): the digits replace it instead of being
            // dropped.
            setSelectedSection(currentSection());
        }
    }
    QDateEdit::keyPressEvent(event);
}

int DateField::sectionLength(Section section)
{
    return section == YearSection ? 4 : 2;
}

void DateField::focusInEvent(QFocusEvent *event)
{
    QDateEdit::focusInEvent(event);
    // Whichever way the focus came (a click, a shortcut, Tab), the first
    // section is ready to be typed over.
    if (event->reason() != Qt::PopupFocusReason) {
        setCurrentSection(sectionAt(0));
        setSelectedSection(currentSection());
    }
}

bool DateField::focusNextPrevChild(bool next)
{
    if (!specialValueText().isEmpty() && date() == minimumDate())
        return QWidget::focusNextPrevChild(next);
    return QDateEdit::focusNextPrevChild(next);
}

} // namespace rd
