#pragma once

#include <QList>
#include <QThread>

#include <memory>

namespace rd::bench {

// What the hostile clients of the load run did (ServerLoad.h).
struct AttackTally
{
    static constexpr int SlowHeaderClients = 7; // a header byte every 500 ms
    static constexpr int HoldingClients = 7;    // 150 silent connections each
    static constexpr int Guessers = 6;          // wrong passwords as fast as answered
    int guesses = 0, guessesRefused = 0, slowClosed = 0, heldRefusedOrClosed = 0;
};

// The load run's hostile clients, from the moment it is made for
// `milliseconds`, on a thread of their own: they are other machines, so
// their own bookkeeping (a thousand sockets closed and opened again at
// once) must not delay the honest clients' event loop, only the server's.
class Attack final
{
    Q_DISABLE_COPY_MOVE(Attack)
public:
    Attack(const QList<quint16> &ports, int milliseconds);
    ~Attack();
    // Waits for the end and tells what happened.
    AttackTally finish();

private:
    AttackTally m_tally;
    std::unique_ptr<QThread> m_thread;
};

} // namespace rd::bench
