// A helper for tst_cachebadfiles: opens a cache and writes one complaint,
// printing "ok" or "error <kind> <message>". The test runs it as an
// unprivileged user when the suite runs as root (root ignores permissions).

#include "CacheError.h"
#include "LocalCache.h"
#include "TestSupport.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: cacheprobe PATH\n");
        return 2;
    }
    try {
        auto cache = rd::LocalCache::open(QString::fromLocal8Bit(argv[1]));
        cache->complaints().upsert({rd::test::makeComplaint(1)});
        std::printf("ok\n");
        return 0;
    } catch (const rd::CacheError &error) {
        std::printf("error %d %s\n", int(error.kind()), qPrintable(error.message()));
        return 1;
    }
}
