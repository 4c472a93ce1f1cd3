// A sync client in a process of its own, for tst_synccrash to kill.
//   syncworker SERVER TOKEN CACHE OWNER
// Runs one sync with small pages (many transactions to be killed in) and
// exits 0 if it succeeded.

#include "SyncEngine.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5)
        return 2;
    QNetworkAccessManager network;
    rd::SyncEngine::Options options;
    options.pageLimit = 5;
    rd::SyncEngine engine(args[3], &network, options);
    engine.setSession(QUrl(args[1]), args[2].toLatin1(), args[4]);
    int code = 1;
    QObject::connect(&engine, &rd::SyncEngine::finished, &app, [&](const rd::SyncResult &r) {
        code = r.succeeded() ? 0 : 1;
        app.quit();
    });
    engine.start();
    app.exec();
    return code;
}
