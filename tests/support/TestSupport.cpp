#include "TestSupport.h"

#include "DemoGenerator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QStandardPaths>
#include <QTimeZone>

#include <stdexcept>

namespace rd::test {

QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 11, 20), QTime(9, 30), QTimeZone::utc());
}

Complaint makeComplaint(qint64 id, qint64 version, const QString &text, const QString &address)
{
    Complaint c;
    c.id = id;
    c.version = version;
    c.state = ComplaintState::Published;
    c.categoryId = 1;
    c.agencyId = 1;
    c.districtId = 1;
    c.text = text;
    c.address = address;
    c.latitude = 54.98 + double(id % 100) * 0.0005;
    c.longitude = 73.37 + double(id % 97) * 0.0005;
    c.createdAt = fixedNow().addDays(-1);
    c.updatedAt = fixedNow().addSecs(-3600 + version);
    c.publishedAt = fixedNow().addSecs(-7200);
    c.dueDate = c.createdAt.date().addDays(30);
    c.votes = int(id % 17);
    c.authorName = QStringLiteral("Анна Иванова");
    c.authorEmail = QStringLiteral("anna@example.ru");
    c.authorPhone = QStringLiteral("+7 913 000-00-00");
    return c;
}

QList<Complaint> demoComplaints(int count, quint32 seed)
{
    demo::DemoGenerator generator(seed, fixedNow());
    QList<Complaint> complaints;
    for (const auto &d : generator.generate(count))
        complaints.append(d.complaint);
    return complaints;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

void scribble(const QString &path, qint64 offset, qint64 length, char pattern)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(offset))
        throw std::runtime_error("cannot write " + path.toStdString());
    file.write(QByteArray(length, pattern));
}

QString findTool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

} // namespace rd::test
