#include "ServerLoad.h"

#include "LoadClient.h"
#include "ServerAttack.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <zlib.h>

#include <algorithm>
#include <functional>
#include <iterator>
#include <memory>
#include <vector>

namespace rd::bench {

using namespace load;

namespace {

// Shapes of the load (DESIGN.md §6, issue 19).
constexpr int Desks = 300; // polling every PollSecs
constexpr int PollSecs = 30;
constexpr int ActionsPerSec = 20;
constexpr int FirstSyncs = 3; // paging the whole feed, over and over
constexpr int FeedPage = 1000;
constexpr int FirstSyncRestMs = 10'000; // between one first sync's end and the next's start
constexpr int HonestSignInMs = 2000;    // one honest sign-in every 2 s
constexpr int WarmUpMs = 3000;          // the hostile clients start this much before the others

// The first bytes of a gzip-coded body (a feed page's head: its cursor and
// more-flag), without inflating the rest; empty if it is not gzip.
QByteArray gunzipHead(const QByteArray &body, int bytes)
{
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK)
        return {};
    QByteArray out(bytes, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.data()));
    z.avail_in = uInt(body.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(bytes);
    const int result = inflate(&z, Z_SYNC_FLUSH);
    out.truncate(bytes - qsizetype(z.avail_out));
    inflateEnd(&z);
    return result == Z_OK || result == Z_STREAM_END || result == Z_BUF_ERROR ? out : QByteArray();
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

struct Tally
{
    std::vector<double> polls, actions, pages, signIns;
    std::vector<double> pollsOpening; // the polls that opened their connection first
    std::vector<std::pair<double, double>> slowPolls; // (seconds into the run, ms) over 30 ms
    int failed = 0;
    QStringList failures; // the first few, to say what failed
    AttackTally attack;
    void failure(const char *what, int status)
    {
        ++failed;
        if (failures.size() < 5)
            failures << QStringLiteral("%1 → %2").arg(QLatin1String(what)).arg(status);
    }
};

} // namespace

namespace {

// Everyone of the run, on this thread's event loop.
class LoadRun final
{
public:
    LoadRun(QList<quint16> ports, int seconds)
        : m_ports(std::move(ports))
        , m_seconds(seconds)
    {}

    // Signs in and finds the feed's end and complaints to act on; false if
    // the server did not answer as it should.
    bool prepare();
    void run();
    Tally &tally() { return m_tally; }

private:
    // A request on a connection of its own, waited for.
    int call(const QByteArray &bytes, QByteArray *body);
    bool running() const { return m_clock.elapsed() < WarmUpMs + qint64(m_seconds) * 1000; }
    void poll(int desk);
    void act();
    void page(int sync, QByteArray cursor);
    void honestSignIn(int n);

    // The server process the n-th client of a kind talks to.
    quint16 port(int n) const { return m_ports.at(n % m_ports.size()); }

    QList<quint16> m_ports;
    int m_seconds;
    QElapsedTimer m_clock;
    Tally m_tally;
    QByteArray m_token;
    QByteArray m_endCursor;
    struct Target
    {
        qint64 id = 0;
        qint64 version = 0;
    };
    std::vector<Target> m_targets;
    size_t m_nextTarget = 0;
    std::vector<std::unique_ptr<Connection>> m_desks, m_actors, m_syncs;
    std::vector<QByteArray> m_deskCursors;
    std::vector<std::unique_ptr<Connection>> m_honest;
    int m_inFlight = 0;
    // The context of every timer and of the slow-header sockets: destroyed
    // first (declared last), so nothing of this run fires in the next.
    QObject m_context;
};

int LoadRun::call(const QByteArray &bytes, QByteArray *body)
{
    Connection connection(port(0), QHostAddress::LocalHost);
    int status = 0;
    bool done = false;
    connection.send(bytes, [&](int s, const QByteArray &b, double) {
        status = s;
        *body = b;
        done = true;
    });
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return status;
}

bool LoadRun::prepare()
{
    QByteArray body;
    if (call(request("POST", "/api/v1/session", {},
                     signInBody(QStringLiteral("chief"), QStringLiteral("demo"))),
             &body) != 200)
        return false;
    m_token =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("token")).toString().toLatin1();
    QByteArray cursor;
    for (bool first = true;; first = false) {
        if (call(request("GET", "/api/v1/changes?limit=2000&cursor=" + cursor, m_token), &body) !=
            200)
            return false;
        const QJsonObject page = QJsonDocument::fromJson(body).object();
        if (first) {
            for (const QJsonValue &record : page.value(QStringLiteral("records")).toArray()) {
                if (m_targets.size() < 200)
                    m_targets.push_back({record[QStringLiteral("id")].toInteger(),
                                         record[QStringLiteral("version")].toInteger()});
            }
        }
        cursor = page.value(QStringLiteral("cursor")).toString().toLatin1();
        if (!page.value(QStringLiteral("more")).toBool())
            break;
    }
    m_endCursor = cursor;
    return !m_targets.empty();
}

void LoadRun::poll(int desk)
{
    if (!running())
        return;
    ++m_inFlight;
    m_desks[desk]->send(
        request("GET", "/api/v1/changes?limit=100&cursor=" + m_deskCursors[desk], m_token),
        [this, desk](int status, const QByteArray &body, double ms) {
            --m_inFlight;
            m_tally.polls.push_back(ms);
            if (m_desks[desk]->lastOpened())
                m_tally.pollsOpening.push_back(ms);
            if (ms > 30)
                m_tally.slowPolls.emplace_back(m_clock.elapsed() / 1000.0, ms);
            if (status != 200)
                return m_tally.failure("poll", status);
            const QByteArray head =
                body.startsWith("\x1f\x8b") ? gunzipHead(body, 300) : body.left(300);
            const qsizetype c = head.indexOf("\"cursor\":\"") + 10;
            if (c >= 10)
                m_deskCursors[desk] = head.mid(c, head.indexOf('"', c) - c);
            QTimer::singleShot(PollSecs * 1000, &m_context, [this, desk] { poll(desk); });
        });
}

void LoadRun::act()
{
    if (!running())
        return;
    QTimer::singleShot(1000 / ActionsPerSec, &m_context, [this] { act(); });
    Connection *free = nullptr;
    for (auto &c : m_actors)
        free = (!free && !c->busy()) ? c.get() : free;
    if (!free)
        return m_tally.failure("action (no free connection: the last ones still running)", 0);
    Target &target = m_targets[m_nextTarget++ % m_targets.size()];
    const QByteArray body =
        QStringLiteral(R"({"action":"note","base_version":%1,"text":"нагрузка"})")
            .arg(target.version)
            .toUtf8();
    ++m_inFlight;
    free->send(request("POST", "/api/v1/complaints/" + QByteArray::number(target.id) + "/actions",
                       m_token, body, QUuid::createUuid().toByteArray(QUuid::WithoutBraces)),
               [this, &target](int status, const QByteArray &answer, double ms) {
                   --m_inFlight;
                   m_tally.actions.push_back(ms);
                   if (status == 200)
                       target.version = QJsonDocument::fromJson(answer)
                                            .object()
                                            .value(QStringLiteral("version"))
                                            .toInteger(target.version + 1);
                   else
                       m_tally.failure("action", status);
               });
}

void LoadRun::page(int sync, QByteArray cursor)
{
    if (!running())
        return;
    ++m_inFlight;
    m_syncs[sync]->send(
        // As a desk asks (Qt's network stack takes gzip by itself).
        request("GET",
                "/api/v1/changes?limit=" + QByteArray::number(FeedPage) + "&cursor=" + cursor,
                m_token)
            .replace("\r\n\r\n", "\r\nAccept-Encoding: gzip, deflate\r\n\r\n"),
        [this, sync](int status, const QByteArray &body, double ms) {
            --m_inFlight;
            m_tally.pages.push_back(ms);
            if (status != 200)
                return m_tally.failure("feed page", status);
            const QByteArray head =
                body.startsWith("\x1f\x8b") ? gunzipHead(body, 300) : body.left(300);
            const qsizetype c = head.indexOf("\"cursor\":\"") + 10;
            if (head.contains("\"more\":true"))
                return page(sync, head.mid(c, head.indexOf('"', c) - c));
            // Synced: another desk's first sync starts a little later.
            QTimer::singleShot(FirstSyncRestMs, &m_context, [this, sync] { page(sync, {}); });
        });
}

void LoadRun::honestSignIn(int n)
{
    if (!running())
        return;
    QTimer::singleShot(HonestSignInMs, &m_context, [this, n] { honestSignIn(n + 1); });
    static const QStringList logins{QStringLiteral("moderator"), QStringLiteral("clerk"),
                                    QStringLiteral("clerk2"), QStringLiteral("supervisor"),
                                    QStringLiteral("chief")};
    // From an address of its own each time: an office somewhere.
    m_honest.push_back(std::make_unique<Connection>(port(n), loopback(3, n)));
    ++m_inFlight;
    m_honest.back()->send(request("POST", "/api/v1/session", {},
                                  signInBody(logins[n % logins.size()], QStringLiteral("demo"))),
                          [this](int status, const QByteArray &, double ms) {
                              --m_inFlight;
                              m_tally.signIns.push_back(ms);
                              if (status != 200)
                                  m_tally.failure("sign-in", status);
                          });
}

void LoadRun::run()
{
    m_clock.start();
    // The attack first, on a thread of its own (as if from other
    // machines: its bookkeeping of a thousand sockets must not delay the
    // honest clients' event loop, only the server's): it is running when
    // the desks come.
    Attack attack(m_ports, WarmUpMs + m_seconds * 1000);
    QRandomGenerator random(19);
    for (int i = 0; i < Desks; ++i) {
        // 300 desks in 60 offices of 5 (each office one address).
        m_desks.push_back(std::make_unique<Connection>(port(i / 5), loopback(1, i / 5)));
        m_deskCursors.push_back(m_endCursor);
        QTimer::singleShot(WarmUpMs + int(random.bounded(PollSecs * 1000)), &m_context,
                           [this, i] { poll(i); });
    }
    for (int i = 0; i < 10; ++i)
        m_actors.push_back(std::make_unique<Connection>(port(i), loopback(7, i)));
    QTimer::singleShot(WarmUpMs, &m_context, [this] { act(); });
    for (int i = 0; i < FirstSyncs; ++i) {
        m_syncs.push_back(std::make_unique<Connection>(port(i), loopback(8, i)));
        QTimer::singleShot(WarmUpMs, &m_context, [this, i] { page(i, {}); });
    }
    QTimer::singleShot(WarmUpMs + 500, &m_context, [this] { honestSignIn(0); });
    // Until the time is up and the last honest requests are answered.
    while (running() ||
           (m_inFlight > 0 && m_clock.elapsed() < WarmUpMs + qint64(m_seconds + 30) * 1000))
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    if (m_inFlight > 0)
        m_tally.failure("unanswered at the end", m_inFlight);
    m_tally.attack = attack.finish();
}

} // namespace

namespace {

// The polls that found their connection open (all but pollsOpening).
std::vector<double> keptPolls(const Tally &t)
{
    std::vector<double> all = t.polls;
    std::vector<double> opening = t.pollsOpening;
    std::sort(all.begin(), all.end());
    std::sort(opening.begin(), opening.end());
    std::vector<double> kept;
    std::set_difference(all.begin(), all.end(), opening.begin(), opening.end(),
                        std::back_inserter(kept));
    return kept;
}

} // namespace

void runServerLoad(BenchReport &report, const QList<quint16> &ports, int seconds,
                   const QString &label)
{
    LoadRun run(ports, seconds);
    if (!run.prepare()) {
        report.figure(qPrintable(QStringLiteral("load_prepare_failed_") + label), 1, "errors", 0);
        return;
    }
    run.run();
    const Tally &t = run.tally();
    const auto name = [&](const char *what) {
        return QStringLiteral("load_%1_%2").arg(QLatin1String(what), label).toLatin1();
    };
    report.figure(name("poll_p50").constData(), percentile(t.polls, 0.5), "ms", 50);
    report.figure(name("poll_p99").constData(), percentile(t.polls, 0.99), "ms", 50);
    report.figure(name("action_p50").constData(), percentile(t.actions, 0.5), "ms", 100);
    report.figure(name("action_p99").constData(), percentile(t.actions, 0.99), "ms", 100);
    report.figure(name("feed_page_p50").constData(), percentile(t.pages, 0.5), "ms", 500);
    report.figure(name("feed_page_p99").constData(), percentile(t.pages, 0.99), "ms", 500);
    report.figure(name("signin_p99").constData(), percentile(t.signIns, 0.99), "ms", 1000);
    report.figure(name("failed_requests").constData(), t.failed, "requests", 0);
    // Where the slow polls are: opening a connection (a desk's first poll,
    // among the attackers' connection flood) or on a kept one, and when.
    QStringList slow;
    for (const auto &[at, ms] : t.slowPolls)
        slow << QStringLiteral("%1 ms at %2 s").arg(ms, 0, 'f', 0).arg(at, 0, 'f', 1);
    report.note(
        QStringLiteral("polls opening their connection: %1, p99 %2 ms; the rest p99 %3 "
                       "ms; over 30 ms: %4")
            .arg(t.pollsOpening.size())
            .arg(percentile(t.pollsOpening, 0.99), 0, 'f', 1)
            .arg(percentile(keptPolls(t), 0.99), 0, 'f', 1)
            .arg(slow.isEmpty() ? QStringLiteral("none") : slow.join(QStringLiteral(", "))));
    report.note(QStringLiteral("honest sign-ins: p50 %1 ms, max %2 ms")
                    .arg(percentile(t.signIns, 0.5), 0, 'f', 0)
                    .arg(percentile(t.signIns, 1.0), 0, 'f', 0));
    report.note(QStringLiteral("%1 s: %2 polls by %3 desks, %4 actions, %5 feed pages of %6 by %7 "
                               "first syncs, %8 honest sign-ins")
                    .arg(seconds)
                    .arg(t.polls.size())
                    .arg(Desks)
                    .arg(t.actions.size())
                    .arg(t.pages.size())
                    .arg(FeedPage)
                    .arg(FirstSyncs)
                    .arg(t.signIns.size()));
    report.note(
        QStringLiteral("hostile: %1 guesses by %2 clients (%3 refused with 429), %4 slow-header "
                       "connections cut off (%5 clients), %6 held connections closed or "
                       "refused (%7 clients × 150)")
            .arg(t.attack.guesses)
            .arg(AttackTally::Guessers)
            .arg(t.attack.guessesRefused)
            .arg(t.attack.slowClosed)
            .arg(AttackTally::SlowHeaderClients)
            .arg(t.attack.heldRefusedOrClosed)
            .arg(AttackTally::HoldingClients));
    if (!t.failures.isEmpty())
        report.note(QStringLiteral("failed: %1").arg(t.failures.join(QStringLiteral("; "))));
}

} // namespace rd::bench
