#include "GeographyStore.h"

#include "CacheGuard.h"

#include <QDataStream>
#include <QIODevice>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcGeography, "regiondesk.cache.geography")

namespace rd {

using detail::guarded;
using detail::guardedWrite;

namespace {

const QString EtagKey = QStringLiteral("geography.etag");
const QString ProblemKey = QStringLiteral("geography.problem");

// A shape as a blob: the nested lists of points, in QDataStream's form of
// Qt 6.0 (doubles in full).
template<typename T>
QByteArray encode(const T &shape)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << shape;
    return bytes;
}

template<typename T>
bool decode(const QByteArray &bytes, T *shape)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_0);
    in >> *shape;
    return in.status() == QDataStream::Ok && in.atEnd();
}

} // namespace

GeographyStore::GeographyStore(sqlite::Database &db)
    : m_db(db)
{}

void GeographyStore::replace(const Geography &geography, const QString &etag)
{
    guardedWrite(m_db, [&] {
        m_db.exec(QStringLiteral("DELETE FROM geography"));
        sqlite::Statement &insert = m_db.prepare(QStringLiteral(
            "INSERT INTO geography (kind, district_id, name, shape) VALUES (?1, ?2, ?3, ?4)"));
        for (const DistrictOutline &d : geography.districts)
            insert.bind(1, QStringLiteral("district"))
                .bind(2, d.districtId)
                .bind(3, d.name.isNull() ? QStringLiteral("") : d.name)
                .bind(4, encode(d.polygons))
                .run();
        for (const StreetLine &s : geography.streets)
            insert.bind(1, QStringLiteral("street"))
                .bindNull(2)
                .bind(3, s.name.isNull() ? QStringLiteral("") : s.name)
                .bind(4, encode(s.parts))
                .run();
        setMetaValue(EtagKey, etag);
        setMetaValue(ProblemKey, {});
    });
}

Geography GeographyStore::load()
{
    return guarded([&] {
        Geography geography;
        sqlite::Statement &row = m_db.prepare(
            QStringLiteral("SELECT kind, district_id, name, shape FROM geography ORDER BY seq"));
        int damaged = 0;
        while (row.step()) {
            if (row.text(0) == QLatin1String("district")) {
                DistrictOutline d;
                if (!row.isNull(1))
                    d.districtId = row.integer(1);
                d.name = row.text(2);
                if (decode(row.blob(3), &d.polygons))
                    geography.districts.append(d);
                else
                    ++damaged;
            } else {
                StreetLine s;
                s.name = row.text(2);
                if (decode(row.blob(3), &s.parts))
                    geography.streets.append(s);
                else
                    ++damaged;
            }
        }
        row.reset();
        if (damaged > 0) // not a valid shape: never drawn half
            qCWarning(lcGeography) << damaged << "damaged shapes left out";
        return geography;
    });
}

QString GeographyStore::etag()
{
    return metaValue(EtagKey);
}

void GeographyStore::setProblem(const QString &problem)
{
    setMetaValue(ProblemKey, problem);
}

QString GeographyStore::problem()
{
    return metaValue(ProblemKey);
}

QString GeographyStore::metaValue(const QString &key)
{
    return guarded([&] {
        sqlite::Statement &s =
            m_db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?1"));
        s.bind(1, key);
        QString value = s.step() ? s.text(0) : QString();
        s.reset();
        return value;
    });
}

void GeographyStore::setMetaValue(const QString &key, const QString &value)
{
    guardedWrite(m_db, [&] {
        m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"))
            .bind(1, key)
            .bind(2, value)
            .run();
    });
}

} // namespace rd
