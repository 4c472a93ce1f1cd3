#include "ConflictDialog.h"
#include "DateText.h"

#include "ComplaintView.h"
#include "QueueModel.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rd {

namespace {

QString agencyName(const Catalogue &catalogue, std::optional<int> id)
{
    if (!id)
        return QStringLiteral("—");
    for (const Agency &a : catalogue.agencies) {
        if (a.id == *id)
            return a.name;
    }
    return QString::number(*id);
}

QString categoryName(const Catalogue &catalogue, int id)
{
    for (const Category &c : catalogue.categories) {
        if (c.id == id)
            return c.name;
    }
    return QString::number(id);
}

QString answerKindName(AnswerKind kind)
{
    switch (kind) {
    case AnswerKind::None:
        return ConflictDialog::tr("none");
    case AnswerKind::Solved:
        return ConflictDialog::tr("solved");
    case AnswerKind::Deadline:
        return ConflictDialog::tr("resolution deadline");
    case AnswerKind::Refusal:
        return ConflictDialog::tr("refusal");
    }
    return {};
}

QString describeComplaint(const Complaint &c, const Catalogue &catalogue)
{
    QStringList lines;
    lines << ConflictDialog::tr("Version %1, changed %2")
                 .arg(c.version)
                 .arg(DateText::dateTime(c.updatedAt));
    lines << ConflictDialog::tr("State: %1").arg(QueueModel::stateName(c.state));
    lines << ConflictDialog::tr("Category: %1").arg(categoryName(catalogue, c.categoryId));
    lines << ConflictDialog::tr("Agency: %1").arg(agencyName(catalogue, c.agencyId));
    if (c.answerKind != AnswerKind::None)
        lines << ConflictDialog::tr("Answer (%1): %2")
                     .arg(answerKindName(c.answerKind), c.answerText);
    if (c.answerDeadline.isValid())
        lines << ConflictDialog::tr("Promised by: %1").arg(DateText::date(c.answerDeadline));
    lines << QString() << c.text;
    return lines.join(QLatin1Char('\n'));
}

QPlainTextEdit *column(QWidget *parent, const char *name, const QString &text)
{
    auto *edit = new QPlainTextEdit(text, parent);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setReadOnly(true);
    edit->setBackgroundRole(QPalette::Window);
    edit->setMinimumWidth(240);
    return edit;
}

} // namespace

QStringList ConflictDialog::differences(const Complaint &before, const Complaint &after,
                                        const Catalogue &catalogue)
{
    QStringList out;
    const auto add = [&](const QString &field, const QString &a, const QString &b) {
        if (a != b)
            out << tr("%1: %2 → %3")
                       .arg(field, a.isEmpty() ? QStringLiteral("—") : a,
                            b.isEmpty() ? QStringLiteral("—") : b);
    };
    add(tr("State"), QueueModel::stateName(before.state), QueueModel::stateName(after.state));
    add(tr("Category"), categoryName(catalogue, before.categoryId),
        categoryName(catalogue, after.categoryId));
    add(tr("Agency"), agencyName(catalogue, before.agencyId),
        agencyName(catalogue, after.agencyId));
    add(tr("Answer"), answerKindName(before.answerKind), answerKindName(after.answerKind));
    add(tr("Answer text"), before.answerText, after.answerText);
    add(tr("Promised by"), DateText::date(before.answerDeadline),
        DateText::date(after.answerDeadline));
    add(tr("Answer due"), DateText::date(before.dueDate), DateText::date(after.dueDate));
    add(tr("Text"), before.text, after.text);
    add(tr("Votes"), QString::number(before.votes), QString::number(after.votes));
    add(tr("Citizen's feedback"), before.citizenFeedback, after.citizenFeedback);
    return out;
}

QString ConflictDialog::describeAction(const OutboxAction &action, const Catalogue &catalogue)
{
    const QJsonObject body = QJsonDocument::fromJson(action.payload).object();
    QStringList lines{ComplaintView::actionName(action.action)};
    lines << tr("Written for version %1").arg(action.baseVersion);
    if (body.contains(QStringLiteral("deadline")))
        lines << tr("Date: %1")
                     .arg(DateText::date(QDate::fromString(
                         body.value(QStringLiteral("deadline")).toString(), Qt::ISODate)));
    if (body.contains(QStringLiteral("ground"))) {
        const QString code = body.value(QStringLiteral("ground")).toString();
        QString title = code;
        for (const RefusalGround &g : catalogue.refusalGrounds) {
            if (g.code == code)
                title = g.title;
        }
        lines << tr("Ground: %1").arg(title);
    }
    if (body.contains(QStringLiteral("agency_id")))
        lines << tr("Agency: %1")
                     .arg(agencyName(catalogue, body.value(QStringLiteral("agency_id")).toInt()));
    if (body.contains(QStringLiteral("photo_ids")))
        lines << tr("%n photo(s)", nullptr,
                    int(body.value(QStringLiteral("photo_ids")).toArray().size()));
    for (const char *field : {"text", "reason"}) {
        const QString text = body.value(QLatin1String(field)).toString();
        if (!text.isEmpty())
            lines << QString() << text;
    }
    return lines.join(QLatin1Char('\n'));
}

ConflictDialog::ConflictDialog(const OutboxAction &action, const std::optional<Complaint> &seen,
                               const std::optional<Complaint> &current, const Catalogue &catalogue,
                               QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Complaint No. %1 changed while you worked").arg(action.complaintId));
    auto *intro = new QLabel(
        tr("Someone changed this complaint on the server after you wrote your action, so it "
           "was not applied. Compare, then apply your action to the new version, edit it, or "
           "discard it."),
        this);
    intro->setWordWrap(true);

    QStringList changes;
    if (seen && current)
        changes = differences(*seen, *current, catalogue);
    if (changes.isEmpty())
        changes << tr("The server's record is not in the cache yet; it arrives with the next "
                      "synchronisation.");

    auto *grid = new QGridLayout;
    const QStringList titles{tr("Your action"), tr("The server's record now"), tr("What changed")};
    for (int i = 0; i < titles.size(); ++i) {
        auto *label = new QLabel(titles.at(i), this);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        grid->addWidget(label, 0, i);
    }
    grid->addWidget(column(this, "conflictMine", describeAction(action, catalogue)), 1, 0);
    grid->addWidget(column(this, "conflictServer",
                           current ? describeComplaint(*current, catalogue) : QString()),
                    1, 1);
    grid->addWidget(column(this, "conflictChanges", changes.join(QLatin1Char('\n'))), 1, 2);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *reapply =
        buttons->addButton(tr("&Apply my action to the new version"), QDialogButtonBox::AcceptRole);
    reapply->setObjectName(QStringLiteral("conflictReapply"));
    QPushButton *edit = buttons->addButton(tr("&Edit"), QDialogButtonBox::ActionRole);
    edit->setObjectName(QStringLiteral("conflictEdit"));
    QPushButton *discard = buttons->addButton(tr("&Discard"), QDialogButtonBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("conflictDiscard"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(reapply, &QPushButton::clicked, this, [this] {
        m_choice = Reapply;
        accept();
    });
    connect(edit, &QPushButton::clicked, this, [this] {
        m_choice = Edit;
        accept();
    });
    connect(discard, &QPushButton::clicked, this, [this] {
        m_choice = Discard;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid, 1);
    layout->addWidget(buttons);
    resize(900, 480);
}

} // namespace rd
