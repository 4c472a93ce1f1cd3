#pragma once

#include <QStringList>

#include <cstdio>

namespace rd::server {

// regiondesk-server admin …: users (list, add, set, disable, enable,
// reset-password), the catalogue (export, import: agencies, categories,
// refusal grounds, reject reasons, deadline rules as one JSON document) and
// the audit log. Every change is audited (who: the operating-system user;
// when; before; after). Passwords are read from standard input, never from
// the command line. Returns the exit status: 0 done, 1 refused (the message
// says why), 2 usage.
int runAdmin(const QStringList &arguments, FILE *in = stdin, FILE *out = stdout,
             FILE *err = stderr);

} // namespace rd::server
