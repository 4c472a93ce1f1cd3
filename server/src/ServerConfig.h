#pragma once

#include "Clock.h"
#include "HttpConfig.h"
#include "PhotoDecoder.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <QUrl>

namespace rd::server {

struct ServerConfig
{
    qint64 tokenLifetimeSecs = 12 * 3600;
    int defaultPageSize = 500;
    int maxPageSize = 2000;
    qint64 keepResponsesSecs = 8 * 24 * 3600;   // idempotency replays: ≥ 7 days
    qint64 keepTombstonesSecs = 30 * 24 * 3600; // older cursors answer 410
    qint64 maxJsonBytes = 1 << 20;
    qint64 maxPhotoBytes = 5 << 20;
    qint64 maxPhotoPixels = 40'000'000; // a 40-megapixel camera; more is refused undecoded
    PhotoDecoder photoDecoder;          // uploads are decoded and encoded again with it
    QString open311ApiKey;              // empty: filing through Open311 is closed
    // Where clients reach this server (scheme, host, port, any path prefix):
    // the base of every link in Open311 answers (media_url, discovery).
    // Configured (--public-url) or, by default, the address it listens on;
    // never taken from a request's Host header.
    QUrl publicUrl;
    // Where an Open311 report with an address and no point is placed (its
    // answers show no point; the moderator sees the address).
    double cityLatitude = 54.9885;
    double cityLongitude = 73.3242;
    QTimeZone timeZone = QTimeZone("Asia/Omsk"); // the city's calendar, for due dates
    bool testHooks = false;
    const Clock *clock = &Clock::system(); // the test hooks move the service's time past it
    HttpConfig http;                       // the HTTP front's limits and threads
};

} // namespace rd::server
