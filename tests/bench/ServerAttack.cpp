#include "ServerAttack.h"

#include "LoadClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpSocket>
#include <QTimer>

#include <vector>

namespace rd::bench {

using namespace load;

namespace {

// Every hostile client, on the attack thread's event loop.
class AttackRun final
{
public:
    AttackRun(QList<quint16> ports, int milliseconds, AttackTally &tally)
        : m_ports(std::move(ports))
        , m_milliseconds(milliseconds)
        , m_tally(tally)
    {}
    void run();

private:
    bool running() const { return m_clock.elapsed() < m_milliseconds; }
    quint16 port(int n) const { return m_ports.at(n % m_ports.size()); }
    void guess(int guesser, int n);
    void slowHeader(int client);
    void hold(QTcpSocket *socket, int address);

    QList<quint16> m_ports;
    int m_milliseconds;
    AttackTally &m_tally;
    QElapsedTimer m_clock;
    std::vector<std::unique_ptr<Connection>> m_guessers;
    std::vector<std::unique_ptr<QTcpSocket>> m_holders;
    // The context of every timer and of the slow-header sockets: destroyed
    // first (declared last).
    QObject m_context;
};

// Wrong passwords for made-up logins, as fast as the server answers.
void AttackRun::guess(int guesser, int n)
{
    if (!running())
        return;
    const QString login = QStringLiteral("guess-%1-%2").arg(guesser).arg(n % 50);
    m_guessers[guesser]->send(
        request("POST", "/api/v1/session", {}, signInBody(login, QStringLiteral("123456"))),
        [this, guesser, n](int status, const QByteArray &, double) {
            ++m_tally.guesses;
            m_tally.guessesRefused += status == 429;
            guess(guesser, n + 1);
        });
}

// A request whose headers come one byte every 500 ms, for ever.
void AttackRun::slowHeader(int client)
{
    auto *s = new QTcpSocket(&m_context); // gone with the run
    s->bind(loopback(4, client));
    s->connectToHost(QHostAddress::LocalHost, port(client));
    auto *timer = new QTimer(s);
    QObject::connect(timer, &QTimer::timeout, s, [s] { s->write("a"); });
    QObject::connect(s, &QTcpSocket::connected, s, [s, timer] {
        s->write("GET /api/v1/session HTTP/1.1\r\nX-Slow: ");
        timer->start(500);
    });
    QObject::connect(s, &QTcpSocket::disconnected, s, [this, s, client] {
        ++m_tally.slowClosed;
        s->deleteLater();
        if (running())
            QTimer::singleShot(100, &m_context, [this, client] { slowHeader(client); });
    });
}

// A connection that never sends anything; opened again when closed.
void AttackRun::hold(QTcpSocket *socket, int address)
{
    socket->abort();
    socket->bind(loopback(5, address));
    socket->connectToHost(QHostAddress::LocalHost, port(address));
}

void AttackRun::run()
{
    m_clock.start();
    for (int i = 0; i < AttackTally::Guessers; ++i) {
        m_guessers.push_back(std::make_unique<Connection>(port(i), loopback(6, i)));
        guess(i, 0);
    }
    for (int i = 0; i < AttackTally::SlowHeaderClients; ++i)
        slowHeader(i);
    for (int a = 0; a < AttackTally::HoldingClients; ++a) {
        for (int i = 0; i < 150; ++i) {
            m_holders.push_back(std::make_unique<QTcpSocket>());
            QTcpSocket *s = m_holders.back().get();
            QObject::connect(s, &QTcpSocket::disconnected, s, [this, s, a] {
                ++m_tally.heldRefusedOrClosed;
                if (running())
                    QTimer::singleShot(1000, s, [this, s, a] { hold(s, a); });
            });
            hold(s, a);
        }
    }
    QEventLoop loop;
    QTimer::singleShot(m_milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

Attack::Attack(const QList<quint16> &ports, int milliseconds)
    : m_thread(QThread::create(
          [this, ports, milliseconds] { AttackRun(ports, milliseconds, m_tally).run(); }))
{
    m_thread->setObjectName(QStringLiteral("attack"));
    m_thread->start();
}

Attack::~Attack()
{
    m_thread->wait();
}

AttackTally Attack::finish()
{
    m_thread->wait();
    return m_tally;
}

} // namespace rd::bench
