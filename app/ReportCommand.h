#pragma once

#include "Clock.h"

namespace rd::app {

struct CommandLine;

// `regiondesk report`: builds a report from the local cache (offline) and
// writes it as PDF, CSV or XLSX; for scheduled reports. Returns the
// process's exit code (0 written, 1 an error said on stderr).
// The report's "today" and "generated at" come from clock.
int runReportCommand(const CommandLine &options, const Clock &clock = Clock::system());

} // namespace rd::app
