#include "CatalogueStore.h"

#include "CacheGuard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>

namespace rd {

using detail::guarded;
using detail::guardedWrite;

namespace {

const char *const RulesKeys[] = {"rules.answer_days", "rules.max_extension_days",
                                 "rules.max_extensions", "rules.min_refusal_length",
                                 "rules.max_resolution_days"};

// The production calendar's days in one meta value: "2026-01-01,2026-01-02".
QString daysText(const QList<QDate> &days)
{
    QStringList out;
    for (const QDate &d : days)
        out.append(d.toString(Qt::ISODate));
    return out.join(QLatin1Char(','));
}

QList<QDate> daysFrom(const QString &text)
{
    QList<QDate> out;
    for (const QString &day : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const QDate d = QDate::fromString(day, Qt::ISODate); d.isValid())
            out.append(d);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// The response templates in one meta value, as the catalogue's JSON has them.
QString templatesText(const QList<AnswerTemplate> &templates)
{
    QJsonArray out;
    for (const AnswerTemplate &t : templates)
        out.append(QJsonObject{{QStringLiteral("code"), t.code},
                               {QStringLiteral("action"), t.action},
                               {QStringLiteral("category_id"),
                                t.categoryId ? QJsonValue(*t.categoryId) : QJsonValue()},
                               {QStringLiteral("title"), t.title},
                               {QStringLiteral("text"), t.text}});
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
}

QList<AnswerTemplate> templatesFrom(const QString &text)
{
    QList<AnswerTemplate> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        AnswerTemplate t{o.value(QStringLiteral("code")).toString(),
                         o.value(QStringLiteral("action")).toString(), std::nullopt,
                         o.value(QStringLiteral("title")).toString(),
                         o.value(QStringLiteral("text")).toString()};
        if (o.value(QStringLiteral("category_id")).isDouble())
            t.categoryId = o.value(QStringLiteral("category_id")).toInt();
        if (!t.code.isEmpty() && !t.text.isEmpty())
            out.append(t);
    }
    return out;
}

} // namespace

CatalogueStore::CatalogueStore(sqlite::Database &db)
    : m_db(db)
{}

void CatalogueStore::replace(const Catalogue &catalogue)
{
    guardedWrite(m_db, [&] {
        m_db.exec(QStringLiteral("DELETE FROM categories; DELETE FROM agencies; "
                                 "DELETE FROM districts; DELETE FROM refusal_grounds; "
                                 "DELETE FROM reject_reasons;"));
        int position = 0;
        sqlite::Statement &category = m_db.prepare(
            QStringLiteral("INSERT INTO categories (id, code, name, default_agency_id, position) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)"));
        for (const Category &c : catalogue.categories)
            category.bind(1, c.id)
                .bind(2, c.code)
                .bind(3, c.name)
                .bind(4, c.defaultAgencyId)
                .bind(5, position++)
                .run();
        sqlite::Statement &agency = m_db.prepare(QStringLiteral(
            "INSERT INTO agencies (id, code, name, position) VALUES (?1, ?2, ?3, ?4)"));
        for (const Agency &a : catalogue.agencies)
            agency.bind(1, a.id).bind(2, a.code).bind(3, a.name).bind(4, position++).run();
        sqlite::Statement &district = m_db.prepare(
            QStringLiteral("INSERT INTO districts (id, name, position) VALUES (?1, ?2, ?3)"));
        for (const District &d : catalogue.districts)
            district.bind(1, d.id).bind(2, d.name).bind(3, position++).run();
        sqlite::Statement &ground = m_db.prepare(QStringLiteral(
            "INSERT INTO refusal_grounds (code, title, template_text, legal_basis, position) "
            "VALUES (?1, ?2, ?3, ?4, ?5)"));
        for (const RefusalGround &g : catalogue.refusalGrounds)
            ground.bind(1, g.code)
                .bind(2, g.title)
                .bind(3, g.templateText)
                .bind(4, g.legalBasis.isNull() ? QStringLiteral("") : g.legalBasis)
                .bind(5, position++)
                .run();
        sqlite::Statement &reject = m_db.prepare(QStringLiteral(
            "INSERT INTO reject_reasons (code, title, position) VALUES (?1, ?2, ?3)"));
        for (const RejectReason &r : catalogue.rejectReasons)
            reject.bind(1, r.code).bind(2, r.title).bind(3, position++).run();
        sqlite::Statement &meta = m_db.prepare(
            QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"));
        const int values[] = {catalogue.rules.answerDays, catalogue.rules.maxExtensionDays,
                              catalogue.rules.maxExtensions, catalogue.rules.minRefusalLength,
                              catalogue.rules.maxResolutionDays};
        for (size_t i = 0; i < std::size(values); ++i)
            meta.bind(1, QString::fromLatin1(RulesKeys[i]))
                .bind(2, QString::number(values[i]))
                .run();
        const auto put = [&](const QString &key, const QString &value) {
            meta.bind(1, key).bind(2, value).run();
        };
        put(QStringLiteral("rules.day_count"), catalogue.rules.dayCount == DayCount::Working
                                                   ? QStringLiteral("working")
                                                   : QStringLiteral("calendar"));
        put(QStringLiteral("rules.end_on_working_day"),
            catalogue.rules.endOnWorkingDay ? QStringLiteral("1") : QStringLiteral("0"));
        put(QStringLiteral("catalogue.answer_templates"), templatesText(catalogue.answerTemplates));
        put(QStringLiteral("calendar.holidays"), daysText(catalogue.calendar.holidays));
        put(QStringLiteral("calendar.working_days"), daysText(catalogue.calendar.workingDays));
        meta.bind(1, QStringLiteral("catalogue.etag")).bind(2, catalogue.etag).run();
        meta.bind(1, QStringLiteral("catalogue.time_zone")).bind(2, catalogue.timeZone).run();
    });
}

Catalogue CatalogueStore::load()
{
    return guarded([&] {
        Catalogue catalogue;
        sqlite::Statement &category = m_db.prepare(QStringLiteral(
            "SELECT id, code, name, default_agency_id FROM categories ORDER BY position"));
        while (category.step()) {
            Category c{category.integer(0), category.text(1), category.text(2), std::nullopt};
            if (!category.isNull(3))
                c.defaultAgencyId = category.integer(3);
            catalogue.categories.append(c);
        }
        category.reset();
        sqlite::Statement &agency =
            m_db.prepare(QStringLiteral("SELECT id, code, name FROM agencies ORDER BY position"));
        while (agency.step())
            catalogue.agencies.append({agency.integer(0), agency.text(1), agency.text(2)});
        agency.reset();
        sqlite::Statement &district =
            m_db.prepare(QStringLiteral("SELECT id, name FROM districts ORDER BY position"));
        while (district.step())
            catalogue.districts.append({district.integer(0), district.text(1)});
        district.reset();
        sqlite::Statement &ground =
            m_db.prepare(QStringLiteral("SELECT code, title, template_text, legal_basis FROM "
                                        "refusal_grounds ORDER BY position"));
        while (ground.step())
            catalogue.refusalGrounds.append(
                {ground.text(0), ground.text(1), ground.text(2), ground.text(3)});
        ground.reset();
        sqlite::Statement &reject = m_db.prepare(
            QStringLiteral("SELECT code, title FROM reject_reasons ORDER BY position"));
        while (reject.step())
            catalogue.rejectReasons.append({reject.text(0), reject.text(1)});
        reject.reset();
        sqlite::Statement &meta =
            m_db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?1"));
        const auto value = [&](const char *key) {
            meta.bind(1, QString::fromLatin1(key));
            QString result = meta.step() ? meta.text(0) : QString();
            meta.reset();
            return result;
        };
        int *const targets[] = {&catalogue.rules.answerDays, &catalogue.rules.maxExtensionDays,
                                &catalogue.rules.maxExtensions, &catalogue.rules.minRefusalLength,
                                &catalogue.rules.maxResolutionDays};
        for (size_t i = 0; i < std::size(targets); ++i) {
            bool ok = false;
            const int number = value(RulesKeys[i]).toInt(&ok);
            if (ok)
                *targets[i] = number;
        }
        if (value("rules.day_count") == QLatin1String("working"))
            catalogue.rules.dayCount = DayCount::Working;
        catalogue.rules.endOnWorkingDay = value("rules.end_on_working_day") == QLatin1String("1");
        catalogue.answerTemplates = templatesFrom(value("catalogue.answer_templates"));
        catalogue.calendar.holidays = daysFrom(value("calendar.holidays"));
        // As the API has it: weekends only, none a holiday too.
        for (const QDate &d : daysFrom(value("calendar.working_days"))) {
            if (isWeekend(d) && !catalogue.calendar.holidays.contains(d))
                catalogue.calendar.workingDays.append(d);
        }
        catalogue.etag = value("catalogue.etag");
        catalogue.timeZone = value("catalogue.time_zone");
        return catalogue;
    });
}

} // namespace rd
