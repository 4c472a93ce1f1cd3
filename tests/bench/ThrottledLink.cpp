#include "ThrottledLink.h"

#include <QTcpSocket>

#include <algorithm>

namespace rd::bench {

namespace {

constexpr qsizetype SegmentBytes = 1448; // an Ethernet MSS with timestamps
// What a lost segment costs: TCP's least retransmission timeout (200 ms on
// Linux) or one and a half round trips, on top of the round trip in which
// the loss is noticed.
constexpr double MinRetransmitMs = 200;
// The pump serializes this far ahead in one go (fewer timer wake-ups).
constexpr double PumpAheadMs = 10;

} // namespace

struct ThrottledLink::Pair
{
    std::unique_ptr<QTcpSocket> client;
    std::unique_ptr<QTcpSocket> server;
    QByteArray waitingUp; // read, not yet on the link
    QByteArray waitingDown;
    QByteArray toServerBeforeConnected;
    int inFlightUp = 0; // segments on the link
    int inFlightDown = 0;
    double lastArrivalUpMs = 0; // in order: none arrives before the one ahead
    double lastArrivalDownMs = 0;
    bool clientGone = false;
    bool serverGone = false;
    bool closingClient = false; // disconnectFromHost() asked
    bool closingServer = false;
    bool closed = false;

    bool drained(bool towardsServer) const
    {
        return towardsServer ? waitingUp.isEmpty() && inFlightUp == 0
                             : waitingDown.isEmpty() && inFlightDown == 0;
    }
};

ThrottledLink::ThrottledLink(quint16 serverPort, const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_serverPort(serverPort)
    , m_profile(profile)
{
    m_clock.start();
    m_up.towardsServer = true;
    for (Direction *d : {&m_up, &m_down}) {
        d->pumpTimer.setSingleShot(true);
        d->pumpTimer.setTimerType(Qt::PreciseTimer);
        d->deliverTimer.setSingleShot(true);
        d->deliverTimer.setTimerType(Qt::PreciseTimer);
        connect(&d->pumpTimer, &QTimer::timeout, this, [this, d] { pump(*d); });
        connect(&d->deliverTimer, &QTimer::timeout, this, [this, d] { deliver(*d); });
    }
    connect(&m_server, &QTcpServer::newConnection, this, &ThrottledLink::accept);
    m_server.listen(QHostAddress::LocalHost);
    if (m_profile.dropEverySecs > 0) {
        // The first drop a sixth of the period after the link comes up (a
        // first sync is cut mid-way), then every period.
        connect(&m_dropTimer, &QTimer::timeout, this, [this] {
            dropAll();
            m_dropTimer.start(m_profile.dropEverySecs * 1000);
        });
        m_dropTimer.setSingleShot(true);
        m_dropTimer.start(m_profile.dropEverySecs * 1000 / 6);
    }
}

ThrottledLink::~ThrottledLink()
{
    for (const std::shared_ptr<Pair> &pair : std::as_const(m_pairs)) {
        pair->closed = true;
        pair->client->disconnect(this);
        pair->server->disconnect(this);
    }
    m_pairs.clear(); // the sockets with them
}

void ThrottledLink::resetCounters()
{
    m_up.carried = 0;
    m_down.carried = 0;
    m_opened = 0;
    m_drops = 0;
}

void ThrottledLink::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto pair = std::make_shared<Pair>();
        socket->setParent(nullptr);
        pair->client.reset(socket);
        pair->server = std::make_unique<QTcpSocket>();
        pair->client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        const std::weak_ptr<Pair> weak = pair;
        connect(pair->client.get(), &QTcpSocket::readyRead, this, [this, weak] {
            if (auto p = weak.lock())
                relay(p, true);
        });
        connect(pair->server.get(), &QTcpSocket::readyRead, this, [this, weak] {
            if (auto p = weak.lock())
                relay(p, false);
        });
        connect(pair->server.get(), &QTcpSocket::connected, this, [weak] {
            if (auto p = weak.lock()) {
                p->server->setSocketOption(QAbstractSocket::LowDelayOption, 1);
                p->server->write(p->toServerBeforeConnected);
                p->toServerBeforeConnected.clear();
            }
        });
        connect(pair->client.get(), &QTcpSocket::disconnected, this, [this, weak] {
            if (auto p = weak.lock()) {
                p->clientGone = true;
                finish(p);
            }
        });
        connect(pair->server.get(), &QTcpSocket::disconnected, this, [this, weak] {
            if (auto p = weak.lock()) {
                p->serverGone = true;
                finish(p);
            }
        });
        // A server that refuses the connection never "disconnects".
        connect(pair->server.get(), &QTcpSocket::errorOccurred, this, [this, weak] {
            if (auto p = weak.lock(); p && p->server->state() != QAbstractSocket::ConnectedState) {
                p->serverGone = true;
                finish(p);
            }
        });
        pair->server->connectToHost(QHostAddress::LocalHost, m_serverPort);
        m_pairs.append(pair);
        ++m_opened;
    }
}

void ThrottledLink::relay(const std::shared_ptr<Pair> &pair, bool towardsServer)
{
    QTcpSocket &from = towardsServer ? *pair->client : *pair->server;
    QByteArray &waiting = towardsServer ? pair->waitingUp : pair->waitingDown;
    Direction &d = towardsServer ? m_up : m_down;
    const bool wasWaiting = !waiting.isEmpty();
    waiting += from.readAll();
    if (!wasWaiting && !waiting.isEmpty())
        d.ready.push_back(pair);
    pump(d);
}

bool ThrottledLink::lost()
{
    if (m_profile.loss <= 0)
        return false;
    m_random ^= m_random << 13; // xorshift32
    m_random ^= m_random >> 17;
    m_random ^= m_random << 5;
    return double(m_random) / 4294967296.0 < m_profile.loss;
}

void ThrottledLink::pump(Direction &d)
{
    const double bytesPerMs =
        m_profile.bitsPerSecond > 0 ? double(m_profile.bitsPerSecond) / 8000.0 : 0;
    const double now = nowMs();
    while (!d.ready.empty() && (bytesPerMs == 0 || d.busyUntilMs <= now + PumpAheadMs)) {
        const std::shared_ptr<Pair> pair = d.ready.front().lock();
        d.ready.pop_front();
        if (!pair || pair->closed)
            continue;
        QByteArray &waiting = d.towardsServer ? pair->waitingUp : pair->waitingDown;
        QByteArray segment = waiting.left(SegmentBytes);
        waiting.remove(0, segment.size());
        d.busyUntilMs = std::max(d.busyUntilMs, now) +
                        (bytesPerMs > 0 ? double(segment.size()) / bytesPerMs : 0);
        double arrives = d.busyUntilMs + m_profile.roundTripMs / 2.0;
        if (lost())
            arrives +=
                std::max(MinRetransmitMs, 1.5 * m_profile.roundTripMs) + m_profile.roundTripMs;
        double &last = d.towardsServer ? pair->lastArrivalUpMs : pair->lastArrivalDownMs;
        arrives = std::max(arrives, last);
        last = arrives;
        ++(d.towardsServer ? pair->inFlightUp : pair->inFlightDown);
        d.inFlight.emplace(arrives, std::make_pair(std::weak_ptr<Pair>(pair), std::move(segment)));
        if (!waiting.isEmpty())
            d.ready.push_back(pair); // its next turn after the others'
    }
    if (!d.ready.empty() && !d.pumpTimer.isActive())
        d.pumpTimer.start(std::max(0, int(d.busyUntilMs - PumpAheadMs - now)));
    if (!d.inFlight.empty())
        d.deliverTimer.start(std::max(0, int(d.inFlight.begin()->first - now + 0.5)));
}

void ThrottledLink::deliver(Direction &d)
{
    const double now = nowMs();
    while (!d.inFlight.empty() && d.inFlight.begin()->first <= now + 0.5) {
        auto [pairRef, bytes] = std::move(d.inFlight.begin()->second);
        d.inFlight.erase(d.inFlight.begin());
        const std::shared_ptr<Pair> pair = pairRef.lock();
        if (!pair || pair->closed)
            continue;
        --(d.towardsServer ? pair->inFlightUp : pair->inFlightDown);
        d.carried += bytes.size();
        if (!d.towardsServer)
            pair->client->write(bytes);
        else if (pair->server->state() == QAbstractSocket::ConnectedState)
            pair->server->write(bytes);
        else
            pair->toServerBeforeConnected += bytes;
        finish(pair);
    }
    if (!d.inFlight.empty())
        d.deliverTimer.start(std::max(0, int(d.inFlight.begin()->first - now + 0.5)));
}

void ThrottledLink::finish(const std::shared_ptr<Pair> &pair)
{
    // One side closed: the other is closed once what is still on its way
    // to it has arrived, as on a real link the FIN follows the data.
    // (disconnectFromHost() may emit disconnected() at once, which comes
    // back here and may discard the pair: looked at again after each.)
    if (pair->closed || (!pair->clientGone && !pair->serverGone))
        return;
    if (pair->serverGone && pair->drained(false) && !pair->closingClient) {
        pair->closingClient = true;
        pair->client->disconnectFromHost();
        if (pair->closed)
            return;
    }
    if (pair->clientGone && pair->drained(true) && !pair->closingServer) {
        pair->closingServer = true;
        pair->server->disconnectFromHost();
        if (pair->closed)
            return;
    }
    if (pair->clientGone && pair->serverGone && pair->drained(true) && pair->drained(false))
        discard(pair);
}

void ThrottledLink::discard(const std::shared_ptr<Pair> &pair)
{
    pair->closed = true;
    pair->client->disconnect(this);
    pair->server->disconnect(this);
    // Later: this may run inside one of the sockets' own signals.
    pair->client.release()->deleteLater();
    pair->server.release()->deleteLater();
    m_pairs.removeOne(pair);
}

void ThrottledLink::dropAll()
{
    ++m_drops;
    const QList<std::shared_ptr<Pair>> pairs = m_pairs;
    for (const std::shared_ptr<Pair> &pair : pairs) {
        pair->client->disconnect(this);
        pair->server->disconnect(this);
        pair->client->abort(); // a reset: the client sees the link go
        pair->server->abort();
        discard(pair);
    }
    // What was on its way is lost with the connections.
    for (Direction *d : {&m_up, &m_down}) {
        d->ready.clear();
        d->inFlight.clear();
        d->busyUntilMs = nowMs();
    }
}

QList<ThrottledLink::Profile> poorLinkProfiles()
{
    return {
        {"2mbit_300ms", 2'000'000, 300, 0, 0},
        {"256kbit_800ms_2loss", 256'000, 800, 0.02, 0},
        {"2mbit_drop30s", 2'000'000, 300, 0, 30},
    };
}

} // namespace rd::bench
