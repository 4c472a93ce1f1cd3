#pragma once

#include <QDialog>
#include <QUrl>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace rd {

// Server address (the ones used before offered first), user name and
// password. The dialog only collects and reports: the shell signs in and
// answers with failed() or closes it. "Work offline" opens the last cache
// without the server when one exists.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)
public:
    explicit SignInDialog(QWidget *parent = nullptr);

    void setServers(const QStringList &recent);
    // The administrator fixed the server: shown, not editable.
    void setServerLocked(const QUrl &server);
    void setLogin(const QString &login);
    void setOfflineAvailable(bool available, const QString &who = {});
    void setMessage(const QString &message);

    QUrl server() const;
    QString login() const;

    // The shell reports the outcome of the attempt.
    void failed(const QString &message);

Q_SIGNALS:
    void signInRequested(const QUrl &server, const QString &login, const QString &password);
    void offlineRequested();

private:
    void trySignIn();
    void setBusy(bool busy);
    void updateButtons();

    QComboBox *m_server = nullptr;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_offline = nullptr;
    bool m_busy = false;
};

} // namespace rd
