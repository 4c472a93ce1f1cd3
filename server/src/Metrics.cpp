#include "Metrics.h"

#include <QMutexLocker>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>
#include <tuple>

namespace rd::server {

namespace {

// The route templates, index = the route's number; 0 is every other path.
// The patterns follow ApiService's and Open311's routing, so a path that
// names no endpoint is "other" (a request cannot make up a label).
struct Route
{
    const char *name;
    const char *pattern; // nullptr: matched by name exactly
};

const Route Routes[] = {
    {"other", nullptr},
    {"/healthz", nullptr},
    {"/metrics", nullptr},
    {"/api/v1/session", nullptr},
    {"/api/v1/catalogue", nullptr},
    {"/api/v1/geography", nullptr},
    {"/api/v1/changes", nullptr},
    {"/api/v1/complaints/{id}", R"(^/api/v1/complaints/\d{1,15}\z)"},
    {"/api/v1/complaints/{id}/history", R"(^/api/v1/complaints/\d{1,15}/history\z)"},
    {"/api/v1/complaints/{id}/actions", R"(^/api/v1/complaints/\d{1,15}/actions\z)"},
    {"/api/v1/complaints/{id}/photos", R"(^/api/v1/complaints/\d{1,15}/photos\z)"},
    {"/api/v1/media/{photo_id}", R"(^/api/v1/media/[^/]{1,128}\z)"},
    {"/api/v1/citizen/complaints/{id}/vote", R"(^/api/v1/citizen/complaints/\d{1,15}/vote\z)"},
    {"/api/v1/citizen/complaints/{id}/confirm",
     R"(^/api/v1/citizen/complaints/\d{1,15}/confirm\z)"},
    {"/api/v1/citizen/complaints/{id}/contest",
     R"(^/api/v1/citizen/complaints/\d{1,15}/contest\z)"},
    {"/api/v1/_test/{hook}", R"(^/api/v1/_test/[^/]+(/\d{1,15})?\z)"},
    {"/open311/discovery.{format}", R"(^/open311/discovery\.(json|xml)\z)"},
    {"/open311/v2/discovery.{format}", R"(^/open311/v2/discovery\.(json|xml)\z)"},
    {"/open311/v2/services.{format}", R"(^/open311/v2/services\.(json|xml)\z)"},
    {"/open311/v2/services/{service_code}.{format}",
     R"(^/open311/v2/services/[^/]{1,64}\.(json|xml)\z)"},
    {"/open311/v2/requests.{format}", R"(^/open311/v2/requests\.(json|xml)\z)"},
    {"/open311/v2/requests/{id}.{format}", R"(^/open311/v2/requests/[^/]{1,64}\.(json|xml)\z)"},
    {"/open311/v2/servicerequestupdates.{format}",
     R"(^/open311/v2/servicerequestupdates\.(json|xml)\z)"},
    {"/open311/v2/media/{id}", R"(^/open311/v2/media/[A-Za-z0-9_-]{1,64}\z)"},
};
static_assert(std::size(Routes) == Metrics::RouteCount);

const char *const Methods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "other"};
static_assert(std::size(Methods) == Metrics::MethodCount);

const char *const StatusClasses[] = {"1xx", "2xx", "3xx", "4xx", "5xx"};

// Seconds: 1 ms … 10 s.
const double LatencyBounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                0.25,  0.5,    1,     2.5,  5,     10};
const char *const LatencyLabels[] = {"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
                                     "0.25",  "0.5",    "1",     "2.5",  "5",     "10"};
static_assert(std::size(LatencyBounds) == Metrics::LatencyBucketCount);

// Change numbers behind the newest.
const qint64 LagBounds[] = {0, 10, 100, 1000, 10'000, 100'000, 1'000'000};
static_assert(std::size(LagBounds) == Metrics::LagBucketCount);

const char *const QuotaNames[] = {"upload_bytes", "unattached_uploads", "votes", "filings"};

int routeIndex(const QString &path)
{
    static const auto compiled = [] {
        std::array<QRegularExpression, Metrics::RouteCount> out;
        for (int i = 0; i < Metrics::RouteCount; ++i) {
            if (Routes[i].pattern)
                out[i] = QRegularExpression(QString::fromLatin1(Routes[i].pattern));
        }
        return out;
    }();
    for (int i = 1; i < Metrics::RouteCount; ++i) {
        if (Routes[i].pattern ? compiled[i].match(path).hasMatch()
                              : path == QLatin1String(Routes[i].name))
            return i;
    }
    return 0;
}

int methodIndex(QByteArrayView method)
{
    for (int i = 0; i + 1 < Metrics::MethodCount; ++i) {
        if (method == Methods[i])
            return i;
    }
    return Metrics::MethodCount - 1;
}

void family(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += QByteArray("# HELP ") + name + ' ' + help + '\n';
    out += QByteArray("# TYPE ") + name + ' ' + type + '\n';
}

void sample(QByteArray &out, const char *name, const QByteArray &labels, const QByteArray &value)
{
    out += name;
    if (!labels.isEmpty())
        out += '{' + labels + '}';
    out += ' ' + value + '\n';
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}

// A label value as the format wants it (the values here are fixed texts,
// but escaping keeps the output valid whatever they are).
QByteArray labelValue(const QByteArray &text)
{
    QByteArray out;
    for (const char c : text) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray label(const char *name, const QByteArray &value)
{
    return QByteArray(name) + "=\"" + labelValue(value) + '"';
}

} // namespace

Metrics::Metrics(qint64 startedMs)
    : m_startedMs(startedMs)
{}

QString Metrics::routeTemplate(const QString &path)
{
    return QString::fromLatin1(Routes[routeIndex(path)].name);
}

const char *Metrics::quotaName(Quota quota)
{
    return QuotaNames[int(quota)];
}

void Metrics::requestServed(QByteArrayView method, const QString &path, int status, double seconds)
{
    const int route = routeIndex(path);
    const int m = methodIndex(method);
    const int cls = std::clamp(status / 100, 1, 5) - 1;
    const auto bucket = std::lower_bound(std::begin(LatencyBounds), std::end(LatencyBounds),
                                         seconds) -
                        std::begin(LatencyBounds); // le: the first bound ≥ seconds
    const QMutexLocker lock(&m_mutex);
    ++m_requests[route][m][cls];
    Histogram &h = m_latency[route];
    ++h.buckets[bucket];
    h.sum += seconds;
    ++h.count;
}

void Metrics::signIn(SignIn what)
{
    const QMutexLocker lock(&m_mutex);
    ++m_signIns[int(what)];
}

std::atomic<qint64> &Metrics::queueDepth(const QString &pool)
{
    const QMutexLocker lock(&m_mutex);
    for (auto &[name, depth] : m_queues) {
        if (name == pool)
            return depth;
    }
    m_queues.emplace_back(std::piecewise_construct, std::forward_as_tuple(pool),
                          std::forward_as_tuple(0));
    return m_queues.back().second;
}

void Metrics::quotaRefused(Quota quota)
{
    const QMutexLocker lock(&m_mutex);
    ++m_quotaRefusals[int(quota)];
}

void Metrics::bodySent(qint64 plainBytes, qint64 sentBytes, bool gzip)
{
    m_plainBytes[gzip ? 1 : 0].fetch_add(quint64(plainBytes));
    m_sentBytes[gzip ? 1 : 0].fetch_add(quint64(sentBytes));
}

void Metrics::feedRead(qint64 behind)
{
    behind = std::max<qint64>(0, behind);
    const auto bucket = std::lower_bound(std::begin(LagBounds), std::end(LagBounds), behind) -
                        std::begin(LagBounds);
    const QMutexLocker lock(&m_mutex);
    ++m_lagBuckets[bucket];
    m_lagSum += behind;
    ++m_lagCount;
}

void Metrics::renderRequests(QByteArray &out) const
{
    family(out, "regiondesk_http_requests_total", "counter",
           "Requests answered by this process, by route template, method and status class.");
    for (int r = 0; r < RouteCount; ++r) {
        for (int m = 0; m < MethodCount; ++m) {
            for (int s = 0; s < StatusClassCount; ++s) {
                if (const quint64 n = m_requests[r][m][s]) {
                    sample(out, "regiondesk_http_requests_total",
                           label("route", Routes[r].name) + ',' + label("method", Methods[m]) +
                               ',' + label("status", StatusClasses[s]),
                           QByteArray::number(n));
                }
            }
        }
    }
}

void Metrics::renderLatency(QByteArray &out) const
{
    family(out, "regiondesk_http_request_duration_seconds", "histogram",
           "Seconds from a request's last byte to its answer being written (queue and work), "
           "by route template.");
    for (int r = 0; r < RouteCount; ++r) {
        const Histogram &h = m_latency[r];
        if (h.count == 0)
            continue;
        const QByteArray route = label("route", Routes[r].name);
        quint64 cumulative = 0;
        for (int b = 0; b <= LatencyBucketCount; ++b) {
            cumulative += h.buckets[b];
            sample(out, "regiondesk_http_request_duration_seconds_bucket",
                   route + ',' + label("le", b < LatencyBucketCount ? LatencyLabels[b] : "+Inf"),
                   QByteArray::number(cumulative));
        }
        sample(out, "regiondesk_http_request_duration_seconds_sum", route, number(h.sum));
        sample(out, "regiondesk_http_request_duration_seconds_count", route,
               QByteArray::number(h.count));
    }
}

void Metrics::renderGauges(QByteArray &out, const StoreGauges &store) const
{
    family(out, "regiondesk_feed_cursor_lag_changes", "histogram",
           "Change numbers a changes request's cursor was behind the newest change "
           "(0: the desk was up to date; a first sync: all of them).");
    quint64 cumulative = 0;
    for (int b = 0; b <= LagBucketCount; ++b) {
        cumulative += m_lagBuckets[b];
        sample(out, "regiondesk_feed_cursor_lag_changes_bucket",
               label("le", b < LagBucketCount ? QByteArray::number(LagBounds[b]) : "+Inf"),
               QByteArray::number(cumulative));
    }
    sample(out, "regiondesk_feed_cursor_lag_changes_sum", {}, QByteArray::number(m_lagSum));
    sample(out, "regiondesk_feed_cursor_lag_changes_count", {}, QByteArray::number(m_lagCount));

    family(out, "regiondesk_store_up", "gauge",
           "1 if the database answered this scrape, else 0 (then the feed gauges are absent).");
    sample(out, "regiondesk_store_up", {}, store.up ? "1" : "0");
    if (store.up) {
        family(out, "regiondesk_feed_last_sequence", "gauge",
               "The newest change number in the database (every process's writes).");
        sample(out, "regiondesk_feed_last_sequence", {}, QByteArray::number(store.lastSeq));
        if (store.lastChangeAgeSecs) {
            family(out, "regiondesk_feed_last_change_age_seconds", "gauge",
                   "Seconds since the newest change in the database was made.");
            sample(out, "regiondesk_feed_last_change_age_seconds", {},
                   number(*store.lastChangeAgeSecs));
        }
    }

    family(out, "regiondesk_http_open_connections", "gauge",
           "Client connections this process holds open.");
    sample(out, "regiondesk_http_open_connections", {},
           QByteArray::number(m_openConnections.load()));
    family(out, "regiondesk_http_refused_connections_total", "counter",
           "Connections closed at once: over the connection caps.");
    sample(out, "regiondesk_http_refused_connections_total", {},
           QByteArray::number(m_refusedConnections.load()));
    family(out, "regiondesk_http_response_bytes_total", "counter",
           "Bytes of answers' bodies as sent, by content coding.");
    for (int gzip = 0; gzip < 2; ++gzip)
        sample(out, "regiondesk_http_response_bytes_total",
               label("coding", gzip ? "gzip" : "identity"),
               QByteArray::number(m_sentBytes[gzip].load()));
    family(out, "regiondesk_http_response_plain_bytes_total", "counter",
           "Bytes of answers' bodies before their content coding, by content coding.");
    for (int gzip = 0; gzip < 2; ++gzip)
        sample(out, "regiondesk_http_response_plain_bytes_total",
               label("coding", gzip ? "gzip" : "identity"),
               QByteArray::number(m_plainBytes[gzip].load()));
    family(out, "regiondesk_worker_queue_depth", "gauge",
           "Requests waiting for a worker thread, by pool.");
    for (const auto &[name, depth] : m_queues)
        sample(out, "regiondesk_worker_queue_depth", label("pool", name.toUtf8()),
               QByteArray::number(depth.load()));
    family(out, "process_start_time_seconds", "gauge",
           "When this process started, in seconds since the Unix epoch.");
    sample(out, "process_start_time_seconds", {}, number(double(m_startedMs) / 1000.0));
}

QByteArray Metrics::render(const StoreGauges &store) const
{
    QByteArray out;
    out.reserve(16 * 1024);
    const QMutexLocker lock(&m_mutex);
    renderRequests(out);
    renderLatency(out);
    family(out, "regiondesk_signin_failures_total", "counter",
           "Sign-ins refused for a wrong login or password (401).");
    sample(out, "regiondesk_signin_failures_total", {},
           QByteArray::number(m_signIns[int(SignIn::Failed)]));
    family(out, "regiondesk_signin_lockouts_total", "counter",
           "Failed sign-ins that locked a login or an address.");
    sample(out, "regiondesk_signin_lockouts_total", {},
           QByteArray::number(m_signIns[int(SignIn::LockedOut)]));
    family(out, "regiondesk_signin_throttled_total", "counter",
           "Sign-ins answered 429 while their login or address was locked.");
    sample(out, "regiondesk_signin_throttled_total", {},
           QByteArray::number(m_signIns[int(SignIn::Throttled)]));
    family(out, "regiondesk_quota_refusals_total", "counter",
           "Requests answered 429 for a quota, by quota.");
    for (int q = 0; q < int(std::size(QuotaNames)); ++q)
        sample(out, "regiondesk_quota_refusals_total", label("quota", QuotaNames[q]),
               QByteArray::number(m_quotaRefusals[q]));
    renderGauges(out, store);
    return out;
}

} // namespace rd::server
