#pragma once

#include "BenchReport.h"

#include <QList>
#include <QString>

namespace rd::bench {

// The load run of scripts/bench server (issue 19): hostile clients send
// slow headers, hold connections and guess passwords; 3 s later, and for
// `seconds`, desks poll, clerks act, first syncs page through the feed and
// users sign in. Prints p50/p99 of each honest kind and the failures.
// label: the store and the demo's size in the figures' names ("100k",
// "pg_100k"). With several ports (server processes on one database), the
// clients are spread over them, as a load balancer would.
void runServerLoad(BenchReport &report, const QList<quint16> &ports, int seconds,
                   const QString &label);

} // namespace rd::bench
