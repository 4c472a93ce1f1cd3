#include "BulkDialog.h"

#include "AnswerTemplates.h"
#include "DateField.h"
#include "DateText.h"
#include "Theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace rd {

const QStringList &BulkDialog::actions()
{
    static const QStringList list{QStringLiteral("publish"),        QStringLiteral("reject"),
                                  QStringLiteral("mark_duplicate"), QStringLiteral("set_deadline"),
                                  QStringLiteral("solve"),          QStringLiteral("note")};
    return list;
}

QString BulkDialog::title(const QString &action)
{
    if (action == QLatin1String("publish"))
        return tr("Publish and route the selected…");
    if (action == QLatin1String("reject"))
        return tr("Reject the selected…");
    if (action == QLatin1String("mark_duplicate"))
        return tr("Mark the selected as duplicates of…");
    if (action == QLatin1String("set_deadline"))
        return tr("Set a deadline for the selected…");
    if (action == QLatin1String("solve"))
        return tr("Answer the selected: problem solved…");
    if (action == QLatin1String("note"))
        return tr("Add a note to the selected…");
    return action;
}

BulkDialog::BulkDialog(const QString &action, const Catalogue &catalogue, int count,
                       const QDate &today, const QString &executor, QWidget *parent)
    : QDialog(parent)
    , m_action(action)
    , m_catalogue(catalogue)
    , m_today(today)
    , m_executor(executor)
{
    setObjectName(QStringLiteral("bulkDialog"));
    setWindowTitle(QString(title(action)).remove(QChar(0x2026)));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("%n complaint(s) selected. Each gets an action of its own in the outbox: each is "
           "sent, refused or in conflict on its own, and can be taken back while it waits. "
           "Those it cannot be done to are left out, with the reason.",
           nullptr, count),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    if (action == QLatin1String("publish"))
        buildPublish();
    else if (action == QLatin1String("reject"))
        buildReject();
    else if (action == QLatin1String("mark_duplicate")) {
        m_original = new QLineEdit(this);
        m_original->setObjectName(QStringLiteral("bulkOriginal"));
        m_original->setValidator(
            new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,15}")), this));
        m_original->setAccessibleDescription(tr("The number of the complaint they repeat"));
        m_form->addRow(tr("&Original No.:"), m_original);
    } else
        buildAnswer();
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("bulkError"));
    m_error->setWordWrap(true);
    setTone(m_error, Tone::Alert);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Queue for all"));
    connect(buttons, &QDialogButtonBox::accepted, this, &BulkDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &BulkDialog::reject);
    layout->addWidget(buttons);
    resize(qMax(sizeHint().width(), 520), sizeHint().height());
}

void BulkDialog::buildPublish()
{
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("bulkCategory"));
    m_category->addItem(tr("Each its own category"), -1);
    for (const Category &c : m_catalogue.categories)
        m_category->addItem(c.name, c.id);
    m_category->setAccessibleDescription(tr("The category all are published in, or each its own"));
    m_agency = new QComboBox(this);
    m_agency->setObjectName(QStringLiteral("bulkAgency"));
    m_agency->addItem(tr("The category's agency"), -1);
    for (const Agency &a : m_catalogue.agencies)
        m_agency->addItem(a.name, a.id);
    m_agency->setAccessibleDescription(
        tr("The agency all are routed to, or each its category's own"));
    m_form->addRow(tr("Ca&tegory:"), m_category);
    m_form->addRow(tr("Responsible &agency:"), m_agency);
}

void BulkDialog::buildReject()
{
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("bulkReason"));
    m_reason->addItem(tr("(write the reason below)"), QString());
    for (const RejectReason &r : m_catalogue.rejectReasons)
        m_reason->addItem(r.title, r.code);
    m_reason->setAccessibleDescription(tr("The standard reason each citizen is told"));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("bulkText"));
    m_text->setTabChangesFocus(true);
    m_text->setMaximumHeight(80);
    m_text->setAccessibleDescription(tr("Added to the reason, or the reason itself"));
    m_form->addRow(tr("R&eason:"), m_reason);
    m_form->addRow(tr("Comme&nt:"), m_text);
}

void BulkDialog::buildAnswer()
{
    if (m_action == QLatin1String("set_deadline")) {
        m_deadline = new DateField(this);
        m_deadline->setObjectName(QStringLiteral("bulkDeadline"));
        m_deadline->setCalendarPopup(true);
        m_deadline->setMinimumDate(m_today);
        m_deadline->setMaximumDate(m_today.addDays(m_catalogue.rules.maxResolutionDays));
        m_deadline->setDate(m_today.addDays(qMin(14, m_catalogue.rules.maxResolutionDays)));
        m_deadline->setAccessibleDescription(tr("The date the problems will be solved by"));
        m_form->addRow(tr("&Deadline:"), m_deadline);
    }
    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("bulkTemplate"));
    m_template->addItem(tr("(write the text below)"), QString());
    for (const AnswerTemplate &t : m_catalogue.answerTemplates) {
        if (t.action != m_action)
            continue;
        const Category *c = t.categoryId ? m_catalogue.category(*t.categoryId) : nullptr;
        m_template->addItem(c ? QStringLiteral("%1 (%2)").arg(t.title, c->name) : t.title, t.text);
    }
    m_template->setAccessibleDescription(
        tr("A response template; its placeholders are filled in for each complaint"));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("bulkText"));
    m_text->setTabChangesFocus(true);
    m_text->setAccessibleDescription(
        tr("The text for every complaint; {number}, {address}, {date}, {agency} and {executor} "
           "are filled in for each"));
    connect(m_template, &QComboBox::activated, this, [this] {
        if (const QString text = m_template->currentData().toString(); !text.isEmpty())
            m_text->setPlainText(text);
    });
    m_form->addRow(tr("&Template:"), m_template);
    m_form->addRow(tr("Te&xt:"), m_text);
}

void BulkDialog::setText(const QString &text)
{
    if (m_text)
        m_text->setPlainText(text);
}

void BulkDialog::setOriginal(qint64 id)
{
    if (m_original)
        m_original->setText(QString::number(id));
}

void BulkDialog::setDeadline(const QDate &date)
{
    if (m_deadline)
        m_deadline->setDate(date);
}

void BulkDialog::setRejectReason(int index)
{
    if (m_reason)
        m_reason->setCurrentIndex(index);
}

QString BulkDialog::problem() const
{
    if (m_original && m_original->text().toLongLong() <= 0)
        return tr("Give the number of the original complaint.");
    if (m_reason) {
        const QString reason = m_reason->currentIndex() > 0 ? m_reason->currentText()
                                                            : m_text->toPlainText().trimmed();
        const int minimum =
            ActionRules::find(QStringLiteral("reject"))->field(QStringLiteral("reason"))->minLength;
        if (reason.size() < minimum)
            return tr("Choose a reason, or write one of at least %1 characters.").arg(minimum);
        return {};
    }
    if (m_text && m_text->toPlainText().trimmed().isEmpty())
        return tr("Write the text, or choose a template.");
    if (m_deadline && m_deadline->date() < m_today)
        return tr("Choose the deadline.");
    return {};
}

void BulkDialog::accept()
{
    const QString p = problem();
    m_error->setText(p);
    m_error->setVisible(!p.isEmpty());
    if (p.isEmpty())
        QDialog::accept();
}

QString BulkDialog::textFor(const Complaint &c, QString *left) const
{
    AnswerTemplates::Values values;
    values.number = c.id;
    values.address = c.address;
    values.date = m_deadline ? m_deadline->date() : m_today;
    if (const Agency *a = m_catalogue.agency(c.agencyId.value_or(0)))
        values.agency = a->name;
    values.executor = m_executor;
    const QString text = AnswerTemplates::fill(m_text->toPlainText().trimmed(), values);
    *left = AnswerTemplates::left(text).join(QStringLiteral(", "));
    return text;
}

BulkActions::FieldsFor BulkDialog::fieldsFor() const
{
    return [this](const Complaint &c) -> Parsed<QJsonObject> {
        if (m_category) {
            const int chosen = m_category->currentData().toInt();
            const int category = chosen > 0 ? chosen : c.categoryId;
            int agency = m_agency->currentData().toInt();
            if (agency <= 0) {
                const Category *cat = m_catalogue.category(category);
                agency = cat && cat->defaultAgencyId ? *cat->defaultAgencyId
                                                     : int(c.agencyId.value_or(0));
            }
            if (category <= 0)
                return failed<QJsonObject>(tr("it has no category: choose the category"));
            if (agency <= 0)
                return failed<QJsonObject>(
                    tr("its category has no agency of its own: choose the agency"));
            return succeeded(QJsonObject{{QStringLiteral("category_id"), category},
                                         {QStringLiteral("agency_id"), agency}});
        }
        if (m_reason) {
            const QString code = m_reason->currentData().toString();
            const QString comment = m_text->toPlainText().trimmed();
            QString reason = code.isEmpty() ? comment : m_reason->currentText();
            if (!code.isEmpty() && !comment.isEmpty())
                reason += QStringLiteral(". ") + comment;
            QJsonObject fields{{QStringLiteral("reason"), reason}};
            if (!code.isEmpty())
                fields.insert(QStringLiteral("reason_code"), code);
            return succeeded(fields);
        }
        if (m_original) {
            const qint64 original = m_original->text().toLongLong();
            if (original == c.id)
                return failed<QJsonObject>(tr("it is the original itself"));
            return succeeded(QJsonObject{{QStringLiteral("duplicate_of"), original}});
        }
        QString left;
        const QString text = textFor(c, &left);
        if (!left.isEmpty())
            return failed<QJsonObject>(tr("%1 cannot be filled in for it").arg(left));
        QJsonObject fields{{QStringLiteral("text"), text}};
        if (m_deadline)
            fields.insert(QStringLiteral("deadline"), m_deadline->date().toString(Qt::ISODate));
        return succeeded(fields);
    };
}

} // namespace rd
