#pragma once

#include "Complaint.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTest>

namespace rd::test {

// A fixed "now" so tests never depend on the day they run.
QDateTime fixedNow();

// A valid complaint with the given id and version, in Omsk, filed a day
// before fixedNow(); tweak the fields a test cares about.
Complaint makeComplaint(qint64 id, qint64 version = 1,
                        const QString &text = QStringLiteral("Яма на дороге"),
                        const QString &address = QStringLiteral("г. Омск, ул. Ленина, 10"));

// count demo complaints (Omsk, as of fixedNow()) with the given seed.
QList<Complaint> demoComplaints(int count, quint32 seed);

// SHA-256 of a file's bytes, to prove a file was not touched.
QByteArray fileHash(const QString &path);

// Overwrites length bytes of a file at offset with a pattern.
void scribble(const QString &path, qint64 offset, qint64 length, char pattern = '\x5a');

// The path of an external tool a test needs (pdftotext, unzip, gdal_translate,
// xmllint, python3 with jsonschema), or empty. scripts/test installs them on
// Linux; the Windows runner has none of them.
QString findTool(const QString &name);

// A test that cannot mean anything on Windows (XDG variables, POSIX
// permission bits, Unix sockets) says why and stops there; elsewhere it runs.
#ifdef Q_OS_WIN
#define RD_SKIP_ON_WINDOWS(reason) QSKIP(reason)
#else
#define RD_SKIP_ON_WINDOWS(reason) static_cast<void>(reason)
#endif

} // namespace rd::test

// RD_REQUIRE_TOOL(var, "pdftotext", "poppler-utils"): var holds the tool's
// path. A missing tool fails the test on Linux (the test command installs the
// package) and skips it, with the reason, on Windows, where it does not exist.
#ifdef Q_OS_WIN
#define RD_MISSING_TOOL(message) QTest::qSkip(message, __FILE__, __LINE__)
#else
#define RD_MISSING_TOOL(message) QTest::qFail(message, __FILE__, __LINE__)
#endif
#define RD_REQUIRE_TOOL(var, tool, package)                                                        \
    const QString var = rd::test::findTool(QStringLiteral(tool));                                  \
    do {                                                                                           \
        if (var.isEmpty()) {                                                                       \
            RD_MISSING_TOOL(tool " is missing: scripts/test installs " package                     \
                                 " on Linux; the Windows runner has no " package);                 \
            return;                                                                                \
        }                                                                                          \
    } while (false)
