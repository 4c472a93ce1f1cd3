#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QMutex>
#include <QString>

#include <array>
#include <atomic>
#include <deque>
#include <optional>
#include <utility>

namespace rd::server {

// What this process counts for GET /metrics (docs/deployment.md,
// "Monitoring"), written out in Prometheus' text exposition format 0.0.4.
//
// Every label value comes from a fixed set written here — a route
// template, a method, a status class, a pool's or a quota's name — so
// nothing a request sends (an id, a login, an address) can become a label
// or grow the number of series. Counts are per process and start at zero
// when it starts: behind a load balancer each process is scraped on its
// own and Prometheus adds them up.
//
// Thread-safe: the I/O thread counts requests, connections and sign-ins,
// workers count feed reads and quota refusals and render the page.
// Counters and histograms change under one mutex (a render is one
// consistent snapshot: a histogram's +Inf bucket always equals its count);
// gauges are atomics.
class Metrics final
{
public:
    explicit Metrics(qint64 startedMs); // when the process started (ms since the epoch)
    Q_DISABLE_COPY_MOVE(Metrics)

    // The route template a request's decoded path falls under
    // ("/api/v1/complaints/{id}"), or "other" for every path that names no
    // endpoint.
    static QString routeTemplate(const QString &path);

    // One answer sent: seconds from the request's last byte read to its
    // answer being written (time in the queue included).
    void requestServed(QByteArrayView method, const QString &path, int status, double seconds);

    enum class SignIn
    {
        Failed,    // a wrong login or password (401)
        LockedOut, // …that locked the login or address
        Throttled  // refused while locked (429), no password checked
    };
    void signIn(SignIn what);

    void setOpenConnections(qint64 count) { m_openConnections.store(count); }
    void connectionRefused() { m_refusedConnections.fetch_add(1); }
    // The gauge of a worker pool's jobs waiting (pool: the pool's name,
    // fixed by the code). The reference lives as long as this object.
    std::atomic<qint64> &queueDepth(const QString &pool);

    enum class Quota
    {
        UploadBytes,
        UnattachedUploads,
        Votes,
        Filings
    };
    static const char *quotaName(Quota quota);
    void quotaRefused(Quota quota);

    // One answer's body: its size as the endpoint made it and as it went
    // on the wire (ContentCoding.h's encodeResponse).
    void bodySent(qint64 plainBytes, qint64 sentBytes, bool gzip);

    // A changes page served to a cursor this many change numbers behind
    // the newest (0: the desk was up to date).
    void feedRead(qint64 behind);

    // What a render reads from the database (shared by all processes).
    struct StoreGauges
    {
        bool up = false; // the database answered
        qint64 lastSeq = 0;
        std::optional<double> lastChangeAgeSecs; // none: no change yet
    };
    QByteArray render(const StoreGauges &store) const;

    static constexpr int RouteCount = 24;
    static constexpr int MethodCount = 8;
    static constexpr int StatusClassCount = 5;
    static constexpr int LatencyBucketCount = 13; // plus +Inf
    static constexpr int LagBucketCount = 7;      // plus +Inf

private:
    struct Histogram
    {
        std::array<quint64, LatencyBucketCount + 1> buckets{}; // not cumulative; last: +Inf
        double sum = 0;
        quint64 count = 0;
    };

    void renderRequests(QByteArray &out) const;
    void renderLatency(QByteArray &out) const;
    void renderGauges(QByteArray &out, const StoreGauges &store) const;

    const qint64 m_startedMs;
    mutable QMutex m_mutex;
    // Guarded by m_mutex:
    std::array<std::array<std::array<quint64, StatusClassCount>, MethodCount>, RouteCount>
        m_requests{};
    std::array<Histogram, RouteCount> m_latency{};
    std::array<quint64, LagBucketCount + 1> m_lagBuckets{};
    qint64 m_lagSum = 0;
    quint64 m_lagCount = 0;
    std::array<quint64, 3> m_signIns{};
    std::array<quint64, 4> m_quotaRefusals{};
    std::deque<std::pair<QString, std::atomic<qint64>>> m_queues; // never shrinks

    std::atomic<qint64> m_openConnections{0};
    std::atomic<quint64> m_refusedConnections{0};
    std::atomic<quint64> m_plainBytes[2]{}; // by coding: identity, gzip
    std::atomic<quint64> m_sentBytes[2]{};
};

} // namespace rd::server
