#include "SignInDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rd {

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to RegionDesk"));

    m_server = new QComboBox(this);
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_server->setEditable(true);
    m_server->setInsertPolicy(QComboBox::NoInsert);
    m_server->setMinimumContentsLength(32);
    m_server->lineEdit()->setPlaceholderText(QStringLiteral("https://desk.example.org"));
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("loginEdit"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&User name:"), m_login);
    form->addRow(tr("&Password:"), m_password);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setVisible(false);

    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("Sign &in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    m_offline = buttons->addButton(tr("Work &offline"), QDialogButtonBox::ActionRole);
    m_offline->setObjectName(QStringLiteral("workOfflineButton"));
    m_offline->setToolTip(tr("Open the complaints saved on this computer; your work is sent "
                             "when you sign in again"));
    m_offline->setVisible(false);
    buttons->addButton(QDialogButtonBox::Cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::trySignIn);
    connect(m_offline, &QPushButton::clicked, this, &SignInDialog::offlineRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_server, &QComboBox::editTextChanged, this, &SignInDialog::updateButtons);
    connect(m_login, &QLineEdit::textChanged, this, &SignInDialog::updateButtons);
    connect(m_password, &QLineEdit::textChanged, this, &SignInDialog::updateButtons);
    updateButtons();
}

void SignInDialog::setServers(const QStringList &recent)
{
    m_server->clear();
    m_server->addItems(recent);
    if (!recent.isEmpty())
        m_server->setCurrentIndex(0);
}

void SignInDialog::setServerLocked(const QUrl &server)
{
    setServers({server.toString()});
    m_server->setEnabled(false);
    m_server->setToolTip(tr("Set by your administrator"));
}

void SignInDialog::setLogin(const QString &login)
{
    m_login->setText(login);
    (login.isEmpty() ? static_cast<QWidget *>(m_login) : m_password)->setFocus();
}

void SignInDialog::setOfflineAvailable(bool available, const QString &who)
{
    m_offline->setVisible(available);
    if (available && !who.isEmpty())
        m_offline->setToolTip(tr("Open the complaints saved on this computer for %1; your work "
                                 "is sent when you sign in again")
                                  .arg(who));
}

void SignInDialog::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QUrl SignInDialog::server() const
{
    QString text = m_server->currentText().trimmed();
    if (!text.isEmpty() && !text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("https://"));
    return QUrl(text, QUrl::StrictMode);
}

QString SignInDialog::login() const
{
    return m_login->text().trimmed();
}

void SignInDialog::trySignIn()
{
    const QUrl url = server();
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        setMessage(tr("The server address is not valid. It looks like "
                      "https://desk.example.org."));
        m_server->setFocus();
        return;
    }
    setMessage(tr("Signing in to %1…").arg(url.host()));
    setBusy(true);
    Q_EMIT signInRequested(url, login(), m_password->text());
}

void SignInDialog::failed(const QString &message)
{
    setBusy(false);
    setMessage(message);
    m_password->selectAll();
    m_password->setFocus();
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_server->setEnabled(!busy);
    m_login->setEnabled(!busy);
    m_password->setEnabled(!busy);
    updateButtons();
}

void SignInDialog::updateButtons()
{
    m_signIn->setEnabled(!m_busy && !m_server->currentText().trimmed().isEmpty() &&
                         !m_login->text().trimmed().isEmpty() && !m_password->text().isEmpty());
}

} // namespace rd
