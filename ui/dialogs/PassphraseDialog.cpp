#include "PassphraseDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rd {

PassphraseDialog::PassphraseDialog(Mode mode, const QString &who, const QString &reason,
                                   int minLength, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_minLength(minLength)
{
    setObjectName(QStringLiteral("passphraseDialog"));
    setWindowTitle(mode == Mode::Choose ? tr("Protect the local cache")
                                        : tr("Unlock the local cache"));

    auto *intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("passphraseIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    const QString what =
        mode == Mode::Choose
            ? tr("The complaints of %1 kept on this computer hold citizens' personal data and "
                 "are encrypted. Choose a passphrase of at least %2 characters: it is asked "
                 "for each time RegionDesk starts, and without it the saved complaints, "
                 "drafts and unsent actions cannot be read. It is not stored anywhere.")
                  .arg(who)
                  .arg(minLength)
            : tr("The complaints of %1 kept on this computer are encrypted. Enter the "
                 "passphrase chosen for them.")
                  .arg(who);
    intro->setText(reason.isEmpty() ? what : reason + QStringLiteral("\n\n") + what);

    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Passphrase:"), m_passphrase);
    if (mode == Mode::Choose) {
        m_repeat = new QLineEdit(this);
        m_repeat->setObjectName(QStringLiteral("passphraseRepeatEdit"));
        m_repeat->setEchoMode(QLineEdit::Password);
        m_repeat->setAccessibleName(tr("Passphrase again"));
        form->addRow(tr("&Again:"), m_repeat);
        connect(m_repeat, &QLineEdit::textChanged, this, &PassphraseDialog::updateButtons);
    }

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("passphraseMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setVisible(false);

    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(mode == Mode::Choose ? tr("&Encrypt") : tr("&Unlock"),
                              QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("passphraseOkButton"));
    m_ok->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_ok, &QPushButton::clicked, this, &PassphraseDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_passphrase, &QLineEdit::textChanged, this, &PassphraseDialog::updateButtons);
    updateButtons();
    resize(540, 0);
    fitHeight();
}

void PassphraseDialog::fitHeight()
{
    // Word-wrapped labels: the height the text needs at this width, so that
    // nothing is cut off, in Russian either (QLayout's minimum ignores it).
    const int needed = layout()->totalHeightForWidth(width());
    setMinimumHeight(needed);
    if (height() < needed)
        resize(width(), needed);
}

QString PassphraseDialog::passphrase() const
{
    return m_passphrase->text();
}

void PassphraseDialog::updateButtons()
{
    QString problem;
    const QString text = m_passphrase->text();
    if (m_mode == Mode::Choose && !text.isEmpty()) {
        if (text.size() < m_minLength)
            problem = tr("At least %1 characters.").arg(m_minLength);
        else if (!m_repeat->text().isEmpty() && m_repeat->text() != text)
            problem = tr("The two passphrases differ.");
    }
    m_ok->setEnabled(!text.isEmpty() && problem.isEmpty() &&
                     (m_mode == Mode::Unlock || m_repeat->text() == text));
    m_message->setText(problem);
    m_message->setVisible(!problem.isEmpty());
    if (layout())
        fitHeight();
}

void PassphraseDialog::submit()
{
    if (!m_ok->isEnabled())
        return;
    m_ok->setEnabled(false);
    m_message->setText(tr("Unlocking…"));
    m_message->setVisible(true);
    fitHeight();
    Q_EMIT passphraseEntered(m_passphrase->text());
}

void PassphraseDialog::failed(const QString &message)
{
    m_passphrase->selectAll();
    m_passphrase->setFocus();
    if (m_repeat)
        m_repeat->clear();
    updateButtons();
    m_message->setText(message);
    m_message->setVisible(true);
    fitHeight();
}

} // namespace rd
