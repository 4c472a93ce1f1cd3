#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace rd {

// One desk per user session: the first start listens on a local socket
// named after the user's data directory; a second start finds it, asks it
// to bring its window forward, and ends. A socket left by a crash is taken
// over.
class SingleInstance final : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    // A per-user key (the user's local data directory, hashed).
    static QString userKey();

    // True: this is the only instance (now listening). False: another one
    // runs and has been asked to show itself.
    bool claim();

Q_SIGNALS:
    void activationRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace rd
