#pragma once

#include <QtGlobal>

namespace rd::server {

// The HTTP front's limits, timeouts and thread counts (docs/deployment.md,
// "Limits"). Each has a command-line option (HttpOptions.cpp). The
// connection caps and the sign-in throttle count per process: behind a load
// balancer with several processes, each process keeps its own counts.
struct HttpConfig
{
    int workerThreads = 4; // requests other than sign-in, one store connection each
    int signInThreads = 1; // sign-ins (PBKDF2), so they never hold other requests
    // …and these only for sign-ins whose login and address have no recent
    // failure, so users never wait behind someone guessing.
    int cleanSignInThreads = 1;
    // …and these, at a lower CPU priority, for the sign-ins of a login or an
    // address that failed repeatedly lately (SignInThrottle: guesses), so a
    // guesser's password checks take only the CPU everyone else leaves.
    int guessSignInThreads = 1;
    // Feed requests expected to bring more than bulkRecords records (a
    // desk's first sync, a cache far behind) run on bulkThreads threads of
    // their own at a lower CPU priority, so a machine busy with them still
    // answers polls, actions and records at once.
    int bulkThreads = 2;
    int bulkRecords = 500;
    // zlib's level for answers sent gzip-compressed (ContentCoding.h):
    // 1 fastest … 9 smallest; 0 sends every answer as it is. 3: as fast as
    // 1 (zlib's fast strategy) and a sixth of a feed page's size; 6 is a
    // seventh for 2.3× the CPU (docs/benchmarks.md).
    int gzipLevel = 3;

    qint64 maxHeaderBytes = 32 * 1024; // request line + headers; more: 431
    qint64 maxUrlBytes = 8 * 1024;     // the request target; more: 414
    int maxHeaderCount = 100;          // more: 431
    // A body without "Authorization: Bearer" (sign-in, Open311, citizen
    // endpoints, test hooks); signed-in bodies: ServerConfig's maxJsonBytes
    // and, for photo uploads, maxPhotoBytes. More: 413 before reading it.
    qint64 maxAnonymousBodyBytes = 64 * 1024;
    // A connection's next pipelined request is read only once less than
    // this is waiting to be sent to it.
    qint64 maxOutputBytes = 1 << 20;

    int headerTimeoutMs = 10'000; // from a request's first byte (or accept) to its last header
    int bodyTimeoutMs = 60'000;   // from the headers to the body's last byte
    int idleTimeoutMs = 60'000;   // a kept-alive connection with nothing to do, or a stalled reader

    int maxConnections = 2000;          // in all; lowered below the process's file limit
    int maxConnectionsPerAddress = 128; // per client address

    int signInFailuresPerLogin = 5;    // failures in a window before the login is locked
    int signInFailuresPerAddress = 30; // failures from one address before it is locked
    qint64 signInLockoutSecs = 900;    // the window and the lockout
    // A refused sign-in (429) is answered after this long (or Retry-After,
    // if shorter), so a client that ignores Retry-After tries at most once
    // a second per connection instead of thousands of times.
    int signInRefusalDelayMs = 1000;
};

} // namespace rd::server
