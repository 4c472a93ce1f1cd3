#pragma once

#include "Complaint.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

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

} // namespace rd::test
