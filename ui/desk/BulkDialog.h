#pragma once

#include "BulkActions.h"
#include "Catalogue.h"

#include <QDate>
#include <QDialog>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace rd {

class DateField;

// What one action for the selected complaints is to say (Complaint ▸ For
// the selected): publish and route (each complaint's own category and that
// category's agency, or one chosen for all), reject with a reason, mark
// duplicates of one complaint, set a deadline, answer solved or add a note
// from a template or a text, its placeholders filled in for each complaint.
// fieldsFor() gives each complaint's fields, or why it has none.
class BulkDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkDialog)
public:
    // The actions it can ask for, in the order the menu shows them.
    static const QStringList &actions();
    static QString title(const QString &action);

    BulkDialog(const QString &action, const Catalogue &catalogue, int count, const QDate &today,
               const QString &executor, QWidget *parent = nullptr);

    QString action() const { return m_action; }
    BulkActions::FieldsFor fieldsFor() const;
    // Checks what was entered (also what OK does); empty when it will do.
    QString problem() const;

    // For tests: the fields as a user would fill them.
    void setText(const QString &text);
    void setOriginal(qint64 id);
    void setDeadline(const QDate &date);
    void setRejectReason(int index);

    void accept() override;

private:
    void buildPublish();
    void buildReject();
    void buildAnswer(); // set_deadline, solve, note: a template or a text
    QString textFor(const Complaint &complaint, QString *left) const;

    QString m_action;
    Catalogue m_catalogue;
    QDate m_today;
    QString m_executor;
    QComboBox *m_category = nullptr;
    QComboBox *m_agency = nullptr;
    QComboBox *m_reason = nullptr;
    QComboBox *m_template = nullptr;
    QLineEdit *m_original = nullptr;
    DateField *m_deadline = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_error = nullptr;
    QFormLayout *m_form = nullptr;
};

} // namespace rd
