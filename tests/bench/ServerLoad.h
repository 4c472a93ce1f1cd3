#pragma once

#include "BenchReport.h"

#include <QString>

namespace rd::bench {

// The load run of scripts/bench server (issue 19): hostile clients send
// slow headers, hold connections and guess passwords; 3 s later, and for
// `seconds`, desks poll, clerks act, first syncs page through the feed and
// users sign in. Prints p50/p99 of each honest kind and the failures.
// scale: the label of the demo's size in the figures' names ("100k").
void runServerLoad(BenchReport &report, quint16 port, int seconds, const QString &scale);

} // namespace rd::bench
