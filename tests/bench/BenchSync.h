#pragma once

#include "SyncEngine.h"

#include <QEventLoop>
#include <QObject>

namespace rd::bench {

// One run of the sync engine, waited for in a local event loop.
inline SyncResult runSync(SyncEngine &engine)
{
    SyncResult result;
    QEventLoop loop;
    const auto connection =
        QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncResult &r) {
            result = r;
            loop.quit();
        });
    engine.start();
    loop.exec();
    QObject::disconnect(connection);
    return result;
}

} // namespace rd::bench
