#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTimer>

#include <deque>
#include <map>
#include <memory>

class QTcpSocket;

namespace rd::bench {

// A poor network link between a client and a server on loopback, as a TCP
// relay: the client connects to port(), every connection is relayed to the
// server's port through one shared link of the profile's bandwidth (each
// direction on its own, as on an ADSL or mobile line), half the round trip
// added each way, and lost packets retransmitted as TCP would (a lost
// segment arrives a retransmission timeout late, and everything behind it
// waits: TCP delivers in order). Bytes are counted each way. With
// dropEverySecs the link goes down every so often: every connection is
// reset, as when a mobile link drops; new ones work at once. The first drop
// comes a sixth of the period after the link is made.
//
// It runs on the thread that made it (its event loop must run). Not a
// network emulator: no congestion control or slow start of its own (the
// loopback TCP under it has none to speak of), so it shows what a link of
// this bandwidth, latency and loss costs the protocol, not what a real TCP
// stack would make of it in the first seconds.
class ThrottledLink final : public QObject
{
    Q_OBJECT

public:
    struct Profile
    {
        const char *name = "loopback";
        qint64 bitsPerSecond = 0; // 0: no limit
        int roundTripMs = 0;
        double loss = 0;       // share of segments lost (and retransmitted)
        int dropEverySecs = 0; // 0: never
    };

    ThrottledLink(quint16 serverPort, const Profile &profile, QObject *parent = nullptr);
    ~ThrottledLink() override;

    quint16 port() const { return m_server.serverPort(); }
    const Profile &profile() const { return m_profile; }
    // Bytes carried so far towards the client (answers) and the server.
    qint64 bytesDown() const { return m_down.carried; }
    qint64 bytesUp() const { return m_up.carried; }
    int connectionsOpened() const { return m_opened; }
    int drops() const { return m_drops; }
    void resetCounters();

private:
    struct Pair;
    // One direction of the link. Connections with bytes to send take turns
    // a segment at a time (as TCP flows share a bottleneck, roughly); each
    // segment is serialized at the link's rate, then arrives half a round
    // trip later (a lost one a retransmission later; in order per
    // connection).
    struct Direction
    {
        bool towardsServer = false;
        std::deque<std::weak_ptr<Pair>> ready; // have bytes waiting, in turn
        double busyUntilMs = 0;                // the sender is serializing until then
        std::multimap<double, std::pair<std::weak_ptr<Pair>, QByteArray>> inFlight;
        qint64 carried = 0;
        QTimer pumpTimer;
        QTimer deliverTimer;
    };

    void accept();
    void relay(const std::shared_ptr<Pair> &pair, bool towardsServer);
    void pump(Direction &direction);
    void deliver(Direction &direction);
    void dropAll();
    void finish(const std::shared_ptr<Pair> &pair);
    void discard(const std::shared_ptr<Pair> &pair);
    bool lost();
    double nowMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }

    const quint16 m_serverPort;
    const Profile m_profile;
    QTcpServer m_server;
    QElapsedTimer m_clock;
    Direction m_up;
    Direction m_down;
    QList<std::shared_ptr<Pair>> m_pairs;
    QTimer m_dropTimer;
    quint32 m_random = 2463534242u; // xorshift: the same losses every run
    int m_opened = 0;
    int m_drops = 0;
};

// The profiles of issue 24: a 2 Mbit/s line with 300 ms round trip; a slow
// mobile link, 256 kbit/s, 800 ms and 2 % loss; and the 2 Mbit/s line
// dropping every 30 s.
QList<ThrottledLink::Profile> poorLinkProfiles();

} // namespace rd::bench
