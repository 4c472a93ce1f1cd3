#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace rd {

// Asks for the passphrase that protects the local cache where the system
// has no credential store to keep its key (or the administrator wants a
// passphrase). Choosing one (a new cache, or a plain one about to be
// encrypted) asks twice and for at least minLength characters; unlocking
// asks once. The shell derives the key and answers with failed() (a wrong
// passphrase) or closes the dialog.
class PassphraseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PassphraseDialog)
public:
    enum class Mode
    {
        Choose,
        Unlock,
    };
    PassphraseDialog(Mode mode, const QString &who, const QString &reason, int minLength,
                     QWidget *parent = nullptr);

    QString passphrase() const;
    void failed(const QString &message);

Q_SIGNALS:
    void passphraseEntered(const QString &passphrase);

private:
    void updateButtons();
    void submit();
    void fitHeight();

    Mode m_mode;
    int m_minLength;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace rd
