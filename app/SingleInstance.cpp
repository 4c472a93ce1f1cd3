#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace rd {

namespace {

constexpr QByteArrayView Activate = "activate\n";

} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_name(
          QStringLiteral("regiondesk-") +
          QString::fromLatin1(
              QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(24)))
{}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::userKey()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

bool SingleInstance::claim()
{
    {
        QLocalSocket other;
        other.connectToServer(m_name);
        if (other.waitForConnected(1000)) {
            other.write(Activate.data(), Activate.size());
            other.waitForBytesWritten(1000);
            other.disconnectFromServer();
            return false;
        }
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption); // this user only
    if (!m_server->listen(m_name)) {
        // Nobody answered: a socket left behind by a crash.
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name))
            return true; // cannot listen: run anyway, just without the guard
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->readAll().contains("activate"))
                    Q_EMIT activationRequested();
            });
        }
    });
    return true;
}

} // namespace rd
