#pragma once

namespace rd::app {

struct CommandLine;

// `regiondesk sync`: signs in, runs one sync of the local cache with
// progress on stderr and a summary on stdout, and signs out again (the token
// is not kept). Returns the process's exit code.
int runSyncCommand(const CommandLine &options);

} // namespace rd::app
