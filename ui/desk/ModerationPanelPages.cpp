// ModerationPanel's later pages: re-route, edit the text, and return to
// moderation (with what returning does), and the panel's compact combos.

#include "ModerationPanel.h"

#include "Complaint.h"

#include <QComboBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rd {

// A combo box as narrow as a short name: a long agency name is elided in
// it (the list shows it whole) and never widens the panel, which would
// squeeze the queue beside it.
QComboBox *ModerationPanel::compactCombo(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(14);
    return combo;
}

QWidget *ModerationPanel::buildReroute()
{
    auto *page = new QWidget(this);
    m_rerouteAgency = compactCombo(page);
    m_rerouteAgency->setObjectName(QStringLiteral("rerouteAgency"));
    m_rerouteReason = new QLineEdit(page);
    m_rerouteReason->setObjectName(QStringLiteral("rerouteReason"));
    m_rerouteAgency->setAccessibleDescription(tr("The agency the complaint goes to instead"));
    m_rerouteReason->setAccessibleDescription(
        tr("Why it goes to another agency (kept in the history)"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("New &agency:"), m_rerouteAgency);
    form->addRow(tr("Reas&on:"), m_rerouteReason);
    form->addRow(actionButton(tr("Re-route"), "rerouteButton", QStringLiteral("reroute")));
    return page;
}

QWidget *ModerationPanel::buildRedact()
{
    auto *page = new QWidget(this);
    m_redactText = new QPlainTextEdit(page);
    m_redactText->setObjectName(QStringLiteral("redactText"));
    m_redactText->setTabChangesFocus(true);
    m_redactReason = new QLineEdit(page);
    m_redactReason->setObjectName(QStringLiteral("redactReason"));
    m_redactText->setAccessibleDescription(
        tr("The complaint's text as it is to be published, with personal data removed"));
    m_redactReason->setAccessibleDescription(tr("Why the text was edited (kept in the history)"));
    m_redactReason->setPlaceholderText(tr("e.g. personal data removed"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("Text to &publish:"), m_redactText);
    form->addRow(tr("Reas&on:"), m_redactReason);
    form->addRow(new QLabel(tr("The citizen's original text stays in the history."), page));
    form->addRow(
        actionButton(tr("Save the edited text"), "redactButton", QStringLiteral("redact")));
    return page;
}

QWidget *ModerationPanel::buildReturn()
{
    auto *page = new QWidget(this);
    m_returnEffect = new QLabel(page);
    m_returnEffect->setObjectName(QStringLiteral("returnEffect"));
    m_returnEffect->setWordWrap(true);
    m_returnReason = new QPlainTextEdit(page);
    m_returnReason->setObjectName(QStringLiteral("returnReason"));
    m_returnReason->setAccessibleDescription(
        tr("Why the decision is taken back (kept in the history); Ctrl+Enter returns it"));
    m_returnReason->setTabChangesFocus(true);
    m_returnReason->setMaximumHeight(70);
    m_returnReason->setPlaceholderText(tr("Why the decision is taken back (kept in the history)"));
    m_returnReason->installEventFilter(this); // Ctrl+Enter returns
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Reas&on:"), m_returnReason);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_returnEffect);
    layout->addLayout(form);
    layout->addWidget(actionButton(tr("Return to moderation… (M, Ctrl+Enter)"), "returnButton",
                                   QStringLiteral("return_to_moderation")));
    layout->addStretch(1);
    return page;
}

QString ModerationPanel::returnEffect() const
{
    if (!m_complaint)
        return {};
    switch (m_complaint->state) {
    case ComplaintState::Published: {
        const Agency *agency =
            m_complaint->agencyId ? m_catalogue.agency(*m_complaint->agencyId) : nullptr;
        return tr("The publication is taken back: the complaint is no longer public, %1 no "
                  "longer sees it, and it waits in the moderation queue with its category, to "
                  "be published again or decided otherwise.")
            .arg(agency ? agency->name : tr("the agency"));
    }
    case ComplaintState::Rejected:
        return tr("The rejection is taken back: the complaint waits in the moderation queue to "
                  "be decided again.");
    case ComplaintState::Duplicate:
        return m_complaint->duplicateOf
                   ? tr("The mark “duplicate of No. %1” is taken back: the complaint waits in the "
                        "moderation queue to be decided again.")
                         .arg(*m_complaint->duplicateOf)
                   : tr("The duplicate mark is taken back: the complaint waits in the moderation "
                        "queue to be decided again.");
    default:
        return tr("Only a published complaint the agency has not answered yet, a rejected one or "
                  "a duplicate can go back to moderation.");
    }
}

QString ModerationPanel::returnQuestion(const QJsonObject &fields) const
{
    if (!m_complaint)
        return {};
    return tr("Return complaint No. %1 to moderation?\n\n%2\n\nThe reason “%3” goes in its "
              "history.")
        .arg(m_complaint->id)
        .arg(returnEffect(), fields.value(QStringLiteral("reason")).toString());
}

} // namespace rd
