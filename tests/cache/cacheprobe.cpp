// A helper for tst_cachebadfiles: opens a cache and writes one complaint,
// printing "ok" or "error <kind> <message>". The test runs it as an
// unprivileged user when the suite runs as root (root ignores permissions).
// With --key HEX (tst_cacheencryption) it opens the cache with that key,
// encrypting a plain one in place, and is killed at some moment meanwhile.

#include "CacheError.h"
#include "LocalCache.h"
#include "TestSupport.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool keyed = argc == 4 && qstrcmp(argv[1], "--key") == 0;
    if (argc != 2 && !keyed) {
        std::fprintf(stderr, "usage: cacheprobe [--key HEX] PATH\n");
        return 2;
    }
    try {
        rd::CacheOptions options;
        if (keyed)
            options.key = QByteArray::fromHex(argv[2]);
        auto cache = rd::LocalCache::open(QString::fromLocal8Bit(argv[argc - 1]), options);
        if (keyed) {
            std::printf("ok\n");
            return 0;
        }
        cache->complaints().upsert({rd::test::makeComplaint(1)});
        std::printf("ok\n");
        return 0;
    } catch (const rd::CacheError &error) {
        std::printf("error %d %s\n", int(error.kind()), qPrintable(error.message()));
        return 1;
    }
}
