#pragma once

#include <QtGlobal>

namespace rd::server {

// Quotas (docs/deployment.md, "Quotas"), counted in the database so that
// they hold across every server process on it. Each has a command-line
// option and a settings-file key (HttpOptions.cpp); 0 turns one off.
struct QuotaConfig
{
    // Bytes of photos (as stored, after re-encoding) one user may upload in
    // any 24 hours.
    qint64 uploadBytesPerDay = 256LL << 20;
    // Photos one user uploaded in the last 24 hours that no answer names
    // yet (solve's photo_ids): more are refused until some are named or
    // leave the 24 hours.
    int unattachedUploads = 200;
    // Citizen votes from one client (address, IPv6 /64) in any hour.
    int votesPerHour = 100;
    // Complaints filed through Open311 from one client in any hour.
    int filingsPerHour = 30;
};

} // namespace rd::server
